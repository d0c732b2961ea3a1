import { randomUUID } from 'node:crypto'
import type { Organization } from '../../shared/domain/organization.js'
import type { Statement } from '../../shared/domain/statement.js'
import type { StoredInvitation, StoredSession, StoredUser } from './ports.js'

/** Valid records for storage tests; every call gets fresh ids, names and e-mail addresses. */

const CREATED_AT = '2025-03-01T09:00:00.000Z'

export function makeOrganization(overrides: Partial<Organization> = {}): Organization {
  const id = randomUUID()
  return {
    id,
    name: `Organisation ${id}`,
    shortName: null,
    country: 'Kenya',
    ecosocStatus: 'special',
    website: null,
    createdAt: CREATED_AT,
    ...overrides,
  }
}

export function makeUser(overrides: Partial<StoredUser> = {}): StoredUser {
  const id = randomUUID()
  return {
    id,
    email: `user-${id}@example.org`,
    name: 'Amina Odhiambo',
    organizationId: randomUUID(),
    role: 'member',
    canSign: false,
    createdAt: CREATED_AT,
    passwordHash: `scrypt$${id}`,
    ...overrides,
  }
}

export function makeSession(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    id: randomUUID().replaceAll('-', ''),
    userId: randomUUID(),
    createdAt: CREATED_AT,
    expiresAt: '2025-03-15T09:00:00.000Z',
    ...overrides,
  }
}

export function makeInvitation(overrides: Partial<StoredInvitation> = {}): StoredInvitation {
  const id = randomUUID()
  return {
    id,
    tokenHash: `hash-${id}`,
    email: `invitee-${id}@example.org`,
    organizationId: randomUUID(),
    role: 'member',
    canSign: true,
    invitedBy: randomUUID(),
    createdAt: CREATED_AT,
    expiresAt: '2025-03-08T09:00:00.000Z',
    acceptedAt: null,
    acceptedUserId: null,
    ...overrides,
  }
}

export function makeStatement(overrides: Partial<Statement> = {}): Statement {
  return {
    id: randomUUID(),
    title: 'Joint statement on prison conditions',
    forum: 'CCPCJ 34th session',
    kind: 'oral',
    deadline: null,
    wordLimit: 450,
    speakingLimitSeconds: 180,
    wordsPerMinute: 120,
    visibility: 'members',
    draftingOrganizationIds: [randomUUID()],
    status: 'drafting',
    createdBy: randomUUID(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}
