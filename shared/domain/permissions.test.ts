import { describe, expect, it } from 'vitest'
import { canEditStatement, canInvite, canReadStatement, statementAccess, type Actor } from './permissions.js'
import type { Statement } from './statement.js'

const statement = (overrides: Partial<Statement>): Statement => ({
  id: 's1', title: 'T', forum: '', kind: 'oral', deadline: null, wordLimit: null, speakingLimitSeconds: null,
  wordsPerMinute: 120, visibility: 'members', draftingOrganizationIds: [],
  meetingId: null, agendaItemId: null, workingGroupId: null, submittingOrganizationId: null, status: 'drafting', lock: null, lastUnlock: null, closedAt: null,
  createdBy: 'u0', createdAt: '', updatedAt: '', ...overrides,
})
const actor = (role: Actor['role'], organizationId: string): Actor => ({ id: `${role}-${organizationId}`, role, organizationId, canSign: false })

const admin = actor('admin', 'secretariat')
const coordinator = actor('coordinator', 'secretariat')
const drafter = actor('member', 'drafting')
const outsider = actor('member', 'other')

describe('statement access', () => {
  it.each([
    // visibility, drafting organisations, actor, expected access
    ['members', [], drafter, 'edit'],
    ['members', [], outsider, 'edit'],
    ['members', ['drafting'], drafter, 'edit'],
    ['members', ['drafting'], outsider, 'read'],
    ['drafters', ['drafting'], drafter, 'edit'],
    ['drafters', ['drafting'], outsider, 'none'],
    ['drafters', [], outsider, 'none'],
    ['drafters', ['drafting'], coordinator, 'edit'],
    ['drafters', ['drafting'], admin, 'edit'],
    ['members', ['drafting'], coordinator, 'edit'],
  ] as const)('%s with drafters %j: %o may %s', (visibility, drafting, who, expected) => {
    const s = statement({ visibility, draftingOrganizationIds: [...drafting] })
    expect(statementAccess(who, s)).toBe(expected)
    expect(canReadStatement(who, s)).toBe(expected !== 'none')
    expect(canEditStatement(who, s)).toBe(expected === 'edit')
  })
})

describe('invitations', () => {
  it('lets admins invite anyone, coordinators anyone but admins, members nobody', () => {
    expect(canInvite(admin, 'admin')).toBe(true)
    expect(canInvite(coordinator, 'admin')).toBe(false)
    expect(canInvite(coordinator, 'coordinator')).toBe(true)
    expect(canInvite(coordinator, 'member')).toBe(true)
    expect(canInvite(drafter, 'member')).toBe(false)
  })
})
