import { textIsOpen } from './lifecycle.js'
import type { Statement } from './statement.js'
import type { Role, User } from './user.js'

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
 * Who may know the statement exists. Everyone else gets a 404, never a 403,
 * so that a confidential statement does not leak through its id.
 */
export function canReadStatement(actor: Actor, statement: Statement): boolean {
  if (isStaff(actor)) return true
  if (statement.visibility === 'members') return true
  return isDraftingOrganization(statement, actor.organizationId)
}

/**
 * Whether the actor drafts this statement: may change its text while it is
 * drafting. Independent of the lifecycle, so a drafter who asks to change a
 * locked text gets "it is locked" (409) rather than "you may not" (403).
 */
export function isDrafter(actor: Actor, statement: Statement): boolean {
  if (!canReadStatement(actor, statement)) return false
  if (isStaff(actor)) return true
  if (statement.visibility === 'members' && statement.draftingOrganizationIds.length === 0) return true
  return isDraftingOrganization(statement, actor.organizationId)
}

/** May change the text now: a drafter, while the statement is drafting. */
export function canEditStatement(actor: Actor, statement: Statement): boolean {
  return textIsOpen(statement.status) && isDrafter(actor, statement)
}

export type StatementAccess = 'none' | 'read' | 'edit'

export function statementAccess(actor: Actor, statement: Statement): StatementAccess {
  if (canEditStatement(actor, statement)) return 'edit'
  if (canReadStatement(actor, statement)) return 'read'
  return 'none'
}

/** Title, limits, visibility and drafting organisations. */
export function canChangeStatementSettings(actor: Actor, statement: Statement): boolean {
  return isStaff(actor) && canReadStatement(actor, statement)
}

/** Lock, unlock and close: alliance staff who can see the statement. */
export function canManageLifecycle(actor: Actor, statement: Statement): boolean {
  return isStaff(actor) && canReadStatement(actor, statement)
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
