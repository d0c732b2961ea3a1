import { randomUUID } from 'node:crypto'
import type { CreateForumBody, UpdateForumBody } from '../../shared/api/forums.js'
import type { Forum } from '../../shared/domain/forum.js'
import { DEFAULT_FORUM_PRESETS, FORUM_CATALOGUE } from '../../shared/domain/forumCatalogue.js'
import { canManageMeetings, type Actor } from '../../shared/domain/permissions.js'
import { forbidden, notFound } from '../http/httpError.js'
import type { ServiceContext } from './context.js'

/** Every signed-in member reads the forums: statements name them. */
export async function listForums(ctx: ServiceContext, _actor: Actor): Promise<Forum[]> {
  return ctx.storage.forums.list()
}

export async function createForum(ctx: ServiceContext, actor: Actor, input: CreateForumBody): Promise<Forum> {
  if (!canManageMeetings(actor)) throw forbidden('Only coordinators and admins add forums')
  const now = ctx.now().toISOString()
  return ctx.storage.forums.create({
    id: randomUUID(),
    name: input.name,
    shortName: input.shortName,
    description: input.description,
    cadence: input.cadence,
    presets: input.presets ?? structuredClone(DEFAULT_FORUM_PRESETS),
    createdAt: now,
    updatedAt: now,
  })
}

export async function updateForum(ctx: ServiceContext, actor: Actor, id: string, patch: UpdateForumBody): Promise<Forum> {
  if (!canManageMeetings(actor)) throw forbidden('Only coordinators and admins change forums')
  // Statements keep the limits they were created with: presets apply at creation only.
  const updated = await ctx.storage.forums.update(id, { ...patch, updatedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such forum')
  return updated
}

/**
 * Adds every catalogue forum that is missing, by its seed key (the forum's id), and
 * leaves every existing one as it is, so an admin's edits survive restarts and a forum
 * added to the catalogue in a later release appears in existing installations.
 * Returns the ids it added.
 */
export async function seedForums(ctx: ServiceContext): Promise<string[]> {
  const existing = new Set((await ctx.storage.forums.list()).map((forum) => forum.id))
  const added: string[] = []
  const now = ctx.now().toISOString()
  for (const { seedKey, ...seed } of FORUM_CATALOGUE) {
    if (existing.has(seedKey)) continue
    await ctx.storage.forums.create({ id: seedKey, ...structuredClone(seed), createdAt: now, updatedAt: now })
    added.push(seedKey)
  }
  return added
}
