import { randomBytes, randomUUID } from 'node:crypto'
import type { AuditEntry } from '../../shared/domain/audit.js'
import type { Endorsement, EndorsingOrganization, SignonLink } from '../../shared/domain/endorsement.js'
import type { Forum } from '../../shared/domain/forum.js'
import { DEFAULT_FORUM_PRESETS } from '../../shared/domain/forumCatalogue.js'
import type { AgendaItem, Meeting } from '../../shared/domain/meeting.js'
import type { Organization } from '../../shared/domain/organization.js'
import type { Statement } from '../../shared/domain/statement.js'
import type { Version, VersionContent } from '../../shared/domain/version.js'
import type { WorkingGroup } from '../../shared/domain/workingGroup.js'
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
    disabled: false,
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
    meetingId: null,
    agendaItemId: null,
    workingGroupId: null,
    submittingOrganizationId: null,
    status: 'drafting',
    lock: null,
    lastUnlock: null,
    closedAt: null,
    createdBy: randomUUID(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}

/** A version as `create` takes it: storage assigns the number. */
export function makeVersion(overrides: Partial<Omit<Version, 'number'>> = {}): Omit<Version, 'number'> {
  return {
    id: randomUUID(),
    statementId: randomUUID(),
    kind: 'automatic',
    label: null,
    createdAt: CREATED_AT,
    createdBy: null,
    authorIds: [randomUUID()],
    organizationIds: [randomUUID()],
    wordCount: 3,
    fingerprint: `sha256:${'0'.repeat(64)}`,
    restoredFromVersionId: null,
    ...overrides,
  }
}

/** ProseMirror JSON of the statement schema, nested the way real contents are. */
export function makeVersionContent(text = 'We, the undersigned organisations'): VersionContent {
  return {
    json: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Joint statement' }] },
        { type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'bold' }], text }] },
      ],
    },
  }
}

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: randomUUID(),
    statementId: randomUUID(),
    at: CREATED_AT,
    action: 'settings_changed',
    actorId: randomUUID(),
    details: { changed: ['title', 'deadline'] },
    ...overrides,
  }
}

/**
 * A member organisation's approved endorsement. `organization` is merged into the
 * default, so `{ organization: { id: null } }` makes an outside organisation.
 */
export function makeEndorsement(
  overrides: Partial<Omit<Endorsement, 'organization'>> & { organization?: Partial<EndorsingOrganization> } = {},
): Endorsement {
  const { organization, ...rest } = overrides
  const id = randomUUID()
  return {
    id,
    statementId: randomUUID(),
    source: 'member',
    status: 'approved',
    signatoryName: 'Amina Odhiambo',
    signatoryTitle: 'Executive Director',
    contactEmail: `signatory-${id}@example.org`,
    comment: null,
    confidential: false,
    fingerprint: `sha256:${'0'.repeat(64)}`,
    createdAt: CREATED_AT,
    createdBy: randomUUID(),
    confirmedAt: CREATED_AT,
    decidedAt: CREATED_AT,
    decidedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
    ...rest,
    organization: {
      id: randomUUID(),
      name: `Organisation ${id}`,
      country: 'Kenya',
      ecosocStatus: 'special',
      website: null,
      ...organization,
    },
  }
}

/** A live link with a token like the server's: 32 random bytes, base64url (43 characters). */
export function makeSignonLink(overrides: Partial<SignonLink> = {}): SignonLink {
  return {
    id: randomUUID(),
    statementId: randomUUID(),
    token: randomBytes(32).toString('base64url'),
    createdBy: randomUUID(),
    createdAt: CREATED_AT,
    expiresAt: '2025-03-15T09:00:00.000Z',
    revokedAt: null,
    ...overrides,
  }
}

export function makeForum(overrides: Partial<Forum> = {}): Forum {
  return {
    id: randomUUID(),
    name: 'Commission on Crime Prevention and Criminal Justice',
    shortName: 'CCPCJ',
    description: 'A functional commission of ECOSOC',
    cadence: 'Annual session in May in Vienna',
    presets: structuredClone(DEFAULT_FORUM_PRESETS),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: randomUUID(),
    forumId: randomUUID(),
    name: 'CCPCJ 34th session',
    startDate: '2025-05-19',
    endDate: '2025-05-23',
    venue: 'Vienna International Centre',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}

export function makeAgendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return { id: randomUUID(), meetingId: randomUUID(), number: '5 (a)', title: 'Thematic discussion', generalDebate: false, createdAt: CREATED_AT, ...overrides }
}

export function makeWorkingGroup(overrides: Partial<WorkingGroup> = {}): WorkingGroup {
  const id = randomUUID()
  return {
    id,
    name: `Working group ${id}`,
    description: 'Cybercrime and human rights',
    memberOrganizationIds: [randomUUID(), randomUUID()],
    chairUserIds: [randomUUID()],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}
