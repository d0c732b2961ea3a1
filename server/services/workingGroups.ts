import { randomUUID } from 'node:crypto'
import type { CreateWorkingGroupBody, UpdateWorkingGroupBody } from '../../shared/api/workingGroups.js'
import { canManageWorkingGroups, type Actor } from '../../shared/domain/permissions.js'
import type { WorkingGroup } from '../../shared/domain/workingGroup.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { StorageConflictError } from '../storage/ports.js'
import type { ServiceContext } from './context.js'
import { fieldError } from './fieldError.js'

async function assertOrganizationsExist(ctx: ServiceContext, ids: string[]): Promise<void> {
  const known = new Set((await ctx.storage.organizations.list()).map((organization) => organization.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) throw fieldError('memberOrganizationIds', `Unknown organisation: ${unknown.join(', ')}`)
}

async function assertUsersExist(ctx: ServiceContext, ids: string[]): Promise<void> {
  const known = new Set((await ctx.storage.users.list()).map((user) => user.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) throw fieldError('chairUserIds', `Unknown user: ${unknown.join(', ')}`)
}

function nameTaken(error: unknown, name: string | undefined): unknown {
  if (error instanceof StorageConflictError && error.field === 'name') {
    return new HttpError('working_group_name_taken', `A working group named "${name}" exists already`)
  }
  return error
}

/** Every signed-in member reads the groups, by name. */
export async function listWorkingGroups(ctx: ServiceContext, _actor: Actor): Promise<WorkingGroup[]> {
  return (await ctx.storage.workingGroups.list()).sort((a, b) => a.name.localeCompare(b.name))
}

export async function createWorkingGroup(ctx: ServiceContext, actor: Actor, input: CreateWorkingGroupBody): Promise<WorkingGroup> {
  if (!canManageWorkingGroups(actor)) throw forbidden('Only coordinators and admins create working groups')
  const memberOrganizationIds = [...new Set(input.memberOrganizationIds)]
  const chairUserIds = [...new Set(input.chairUserIds)]
  await assertOrganizationsExist(ctx, memberOrganizationIds)
  await assertUsersExist(ctx, chairUserIds)
  const now = ctx.now().toISOString()
  try {
    return await ctx.storage.workingGroups.create({
      id: randomUUID(),
      name: input.name,
      description: input.description,
      memberOrganizationIds,
      chairUserIds,
      createdAt: now,
      updatedAt: now,
    })
  } catch (error) {
    throw nameTaken(error, input.name)
  }
}

/**
 * A change of members or chairs changes who may read and draft the group's statements:
 * their live sockets re-authorise at once (closed for an organisation that left,
 * downgraded or upgraded for the rest), through the same event a settings change uses.
 */
export async function updateWorkingGroup(ctx: ServiceContext, actor: Actor, id: string, patch: UpdateWorkingGroupBody): Promise<WorkingGroup> {
  if (!canManageWorkingGroups(actor)) throw forbidden('Only coordinators and admins change working groups')
  const changes: UpdateWorkingGroupBody = { ...patch }
  if (patch.memberOrganizationIds) {
    changes.memberOrganizationIds = [...new Set(patch.memberOrganizationIds)]
    await assertOrganizationsExist(ctx, changes.memberOrganizationIds)
  }
  if (patch.chairUserIds) {
    changes.chairUserIds = [...new Set(patch.chairUserIds)]
    await assertUsersExist(ctx, changes.chairUserIds)
  }
  let updated: WorkingGroup | null
  try {
    updated = await ctx.storage.workingGroups.update(id, { ...changes, updatedAt: ctx.now().toISOString() })
  } catch (error) {
    throw nameTaken(error, patch.name)
  }
  if (!updated) throw notFound('No such working group')
  if (patch.memberOrganizationIds || patch.chairUserIds) await announceAudienceChange(ctx, updated)
  return updated
}

async function announceAudienceChange(ctx: ServiceContext, group: WorkingGroup): Promise<void> {
  const statements = await ctx.storage.statements.list()
  for (const statement of statements) {
    if (statement.workingGroupId === group.id) ctx.events.emit('statementChanged', statement, { workingGroup: group })
  }
}
