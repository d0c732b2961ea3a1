import { describe, expect, it } from 'vitest'
import {
  canEditStatement,
  canInvite,
  canReadStatement,
  isDrafter,
  NO_AUDIENCE,
  statementAccess,
  type Actor,
  type StatementAudience,
} from './permissions.js'
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
    expect(statementAccess(who, s, NO_AUDIENCE)).toBe(expected)
    expect(canReadStatement(who, s, NO_AUDIENCE)).toBe(expected !== 'none')
    expect(canEditStatement(who, s, NO_AUDIENCE)).toBe(expected === 'edit')
  })
})

describe('working-group statements', () => {
  // The chair's own organisation is not a member: chairs take part as people.
  const chair = actor('member', 'chairing')
  const member = actor('member', 'member')
  const group: StatementAudience = { workingGroup: { id: 'wg', memberOrganizationIds: ['drafting', 'member'], chairUserIds: [chair.id] } }
  const groupStatement = (drafting: string[]) => statement({ visibility: 'working_group', workingGroupId: 'wg', draftingOrganizationIds: drafting })

  it.each([
    // drafting organisations, actor, expected access
    [[], drafter, 'edit'],
    [[], member, 'edit'],
    [[], chair, 'edit'],
    [[], outsider, 'none'],
    [[], coordinator, 'edit'],
    [[], admin, 'edit'],
    [['drafting'], drafter, 'edit'],
    [['drafting'], member, 'read'],
    [['drafting'], chair, 'read'],
    [['drafting'], outsider, 'none'],
    [['drafting'], coordinator, 'edit'],
  ] as const)('drafters %j: %o may %s', (drafting, who, expected) => {
    const s = groupStatement([...drafting])
    expect(statementAccess(who, s, group)).toBe(expected)
    expect(canReadStatement(who, s, group)).toBe(expected !== 'none')
    expect(isDrafter(who, s, group)).toBe(expected === 'edit')
  })

  it('lets only staff see it when the group is gone or not given', () => {
    const s = groupStatement([])
    for (const audience of [NO_AUDIENCE, { workingGroup: null }]) {
      expect(statementAccess(drafter, s, audience)).toBe('none')
      expect(statementAccess(chair, s, audience)).toBe('none')
      expect(statementAccess(coordinator, s, audience)).toBe('edit')
    }
  })

  it('follows the group: an organisation that leaves loses the statement, one that joins gains it', () => {
    const s = groupStatement([])
    const after: StatementAudience = { workingGroup: { id: 'wg', memberOrganizationIds: ['member', 'other'], chairUserIds: [] } }
    expect(statementAccess(drafter, s, after)).toBe('none')
    expect(statementAccess(outsider, s, after)).toBe('edit')
    expect(statementAccess(chair, s, after)).toBe('none')
  })

  it('keeps a locked statement readable, not editable, for the group', () => {
    const s = statement({ visibility: 'working_group', workingGroupId: 'wg', status: 'locked' })
    expect(statementAccess(member, s, group)).toBe('read')
    expect(statementAccess(outsider, s, group)).toBe('none')
  })

  it('leaves members and drafters visibility alone when a statement merely belongs to a group', () => {
    const open = statement({ visibility: 'members', workingGroupId: 'wg' })
    expect(statementAccess(outsider, open, group)).toBe('edit')
    const confidential = statement({ visibility: 'drafters', workingGroupId: 'wg', draftingOrganizationIds: ['drafting'] })
    expect(statementAccess(member, confidential, group)).toBe('none')
    expect(statementAccess(chair, confidential, group)).toBe('none')
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
