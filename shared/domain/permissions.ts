import { textIsOpen } from './lifecycle.js'
import type { Statement } from './statement.js'
import { isDisabled, type Role, type User } from './user.js'
import type { WorkingGroup } from './workingGroup.js'

/** The part of a user that permission decisions read. */
export type Actor = Pick<User, 'id' | 'role' | 'organizationId' | 'canSign'>

/** Alliance staff: they run every statement, including confidential ones. */
export function isStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator'
}

export function isDraftingOrganization(statement: Statement, organizationId: string): boolean {
  return statement.draftingOrganizationIds.includes(organizationId)
}

/**
 * What a statement's visibility refers to beyond its own fields: its working group.
 * Decisions stay pure, so the services and the collaboration relay resolve it from
 * storage (server/services/statementAudience.ts) and pass it to every function here;
 * the HTTP API and the relay then decide alike.
 */
export interface StatementAudience {
  /** The statement's working group; null when it has none or the group no longer exists. */
  workingGroup: Pick<WorkingGroup, 'id' | 'memberOrganizationIds' | 'chairUserIds'> | null
}

/** For statements without a working group. */
export const NO_AUDIENCE: StatementAudience = { workingGroup: null }

/** A member organisation of the group, or one of its chairs (whatever their organisation). */
export function belongsToWorkingGroup(actor: Actor, group: StatementAudience['workingGroup']): boolean {
  if (!group) return false
  return group.memberOrganizationIds.includes(actor.organizationId) || group.chairUserIds.includes(actor.id)
}

/**
 * Who may know the statement exists. Everyone else gets a 404, never a 403,
 * so that a confidential statement does not leak through its id.
 */
export function canReadStatement(actor: Actor, statement: Statement, audience: StatementAudience): boolean {
  if (isStaff(actor)) return true
  switch (statement.visibility) {
    case 'members':
      return true
    case 'drafters':
      return isDraftingOrganization(statement, actor.organizationId)
    case 'working_group':
      return belongsToWorkingGroup(actor, audience.workingGroup)
  }
}

/**
 * Whether the actor drafts this statement: may change its text while it is
 * drafting. Independent of the lifecycle, so a drafter who asks to change a
 * locked text gets "it is locked" (409) rather than "you may not" (403).
 *
 * An empty drafting list means everyone who can read drafts (`members`: every member,
 * `working_group`: the group's member organisations and chairs); a non-empty list
 * makes everyone else a reader.
 */
export function isDrafter(actor: Actor, statement: Statement, audience: StatementAudience): boolean {
  if (!canReadStatement(actor, statement, audience)) return false
  if (isStaff(actor)) return true
  if (statement.visibility !== 'drafters' && statement.draftingOrganizationIds.length === 0) return true
  return isDraftingOrganization(statement, actor.organizationId)
}

/** May change the text now: a drafter, while the statement is drafting. */
export function canEditStatement(actor: Actor, statement: Statement, audience: StatementAudience): boolean {
  return textIsOpen(statement.status) && isDrafter(actor, statement, audience)
}

export type StatementAccess = 'none' | 'read' | 'edit'

export function statementAccess(actor: Actor, statement: Statement, audience: StatementAudience): StatementAccess {
  if (canEditStatement(actor, statement, audience)) return 'edit'
  if (canReadStatement(actor, statement, audience)) return 'read'
  return 'none'
}

/**
 * Title, limits, visibility and drafting organisations. Staff read every statement
 * whatever its audience, so this needs none.
 */
export function canChangeStatementSettings(actor: Actor, _statement: Statement): boolean {
  return isStaff(actor)
}

/** Lock, unlock and close: alliance staff (who can see every statement). */
export function canManageLifecycle(actor: Actor, _statement: Statement): boolean {
  return isStaff(actor)
}

export function canCreateStatement(actor: Actor): boolean {
  return isStaff(actor)
}

export function canManageOrganizations(actor: Actor): boolean {
  return isStaff(actor)
}

export function canListOrganizations(_actor: Actor): boolean {
  // Member organisations are public within the alliance: the co-sponsor list names them anyway.
  return true
}

/**
 * Coordinators invite members and coordinators; only admins create admins,
 * so a coordinator cannot escalate anyone (including a second account of their own) to admin.
 */
export function canInvite(actor: Actor, role: Role): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'coordinator') return role !== 'admin'
  return false
}

export function canListUsers(actor: Actor): boolean {
  return isStaff(actor)
}

/** Forums and their presets, meetings and agenda items: alliance staff. Every member reads them. */
export function canManageMeetings(actor: Actor): boolean {
  return isStaff(actor)
}

/** Create working groups and change their members and chairs: alliance staff. Every member reads them. */
export function canManageWorkingGroups(actor: Actor): boolean {
  return isStaff(actor)
}

/** What `PATCH /api/users/:id` may change about an account. */
export interface AccountChange {
  role?: Role
  canSign?: boolean
  disabled?: boolean
}

/**
 * Account management mirrors `canInvite`: admins change anyone; coordinators change
 * members and coordinators but never an admin's account nor make anyone an admin,
 * so a coordinator cannot escalate (or lock out) the people above them.
 */
export function canChangeAccount(actor: Actor, target: Pick<User, 'role'>, change: AccountChange): boolean {
  if (actor.role === 'admin') return true
  if (actor.role !== 'coordinator') return false
  return target.role !== 'admin' && change.role !== 'admin'
}

/**
 * Whether applying `change` to `targetId` would leave no enabled admin: nobody could
 * then manage admins or undo the change. Counted over every account, so it holds
 * whoever asks (in practice only an admin can reach another admin's account).
 */
export function removesLastAdmin(users: readonly Pick<User, 'id' | 'role' | 'disabled'>[], targetId: string, change: AccountChange): boolean {
  const activeAdmin = (user: Pick<User, 'role' | 'disabled'>) => user.role === 'admin' && !isDisabled(user)
  const before = users.filter(activeAdmin).length
  const changed = (user: Pick<User, 'id' | 'role' | 'disabled'>) =>
    user.id === targetId ? { role: change.role ?? user.role, disabled: change.disabled ?? user.disabled } : user
  const after = users.map(changed).filter(activeAdmin).length
  return before > 0 && after === 0
}
