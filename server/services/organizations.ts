import { randomUUID } from 'node:crypto'
import type { CreateOrganizationBody } from '../../shared/api/organizations.js'
import type { Organization } from '../../shared/domain/organization.js'
import { canListOrganizations, canManageOrganizations, type Actor } from '../../shared/domain/permissions.js'
import { forbidden, HttpError } from '../http/httpError.js'
import { StorageConflictError } from '../storage/ports.js'
import type { ServiceContext } from './context.js'

export async function createOrganization(ctx: ServiceContext, actor: Actor, input: CreateOrganizationBody): Promise<Organization> {
  if (!canManageOrganizations(actor)) throw forbidden('Only coordinators and admins add organisations')
  return insertOrganization(ctx, input)
}

/** Also used at first start, before any actor exists. */
export async function insertOrganization(ctx: ServiceContext, input: CreateOrganizationBody): Promise<Organization> {
  try {
    return await ctx.storage.organizations.create({
      id: randomUUID(),
      name: input.name,
      shortName: input.shortName ?? null,
      country: input.country,
      ecosocStatus: input.ecosocStatus,
      website: input.website ?? null,
      createdAt: ctx.now().toISOString(),
    })
  } catch (error) {
    if (error instanceof StorageConflictError) throw new HttpError('organization_name_taken', `An organisation named "${input.name}" exists already`)
    throw error
  }
}

export async function listOrganizations(ctx: ServiceContext, actor: Actor): Promise<Organization[]> {
  if (!canListOrganizations(actor)) throw forbidden()
  const organizations = await ctx.storage.organizations.list()
  return organizations.sort((a, b) => a.name.localeCompare(b.name))
}
