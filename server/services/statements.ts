import { randomUUID } from 'node:crypto'
import type { StatementDto } from '../../shared/api/dto.js'
import type { CreateStatementBody, UpdateStatementBody } from '../../shared/api/statements.js'
import {
  canChangeStatementSettings,
  canCreateStatement,
  canReadStatement,
  type Actor,
} from '../../shared/domain/permissions.js'
import { DEFAULT_WORDS_PER_MINUTE, type Statement } from '../../shared/domain/statement.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { presentStatement } from './presenters.js'

/** The statement if the actor may know it exists; a 404 otherwise, identical to a missing one. */
export async function findReadableStatement(ctx: ServiceContext, actor: Actor, id: string): Promise<Statement> {
  const statement = id.length <= 100 ? await ctx.storage.statements.get(id) : null
  if (!statement || !canReadStatement(actor, statement)) throw notFound('No such statement')
  return statement
}

async function assertOrganizationsExist(ctx: ServiceContext, ids: string[]): Promise<void> {
  const known = new Set((await ctx.storage.organizations.list()).map((o) => o.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new HttpError('validation_failed', `Unknown organisation: ${unknown.join(', ')}`, [
      { path: ['draftingOrganizationIds'], message: 'Unknown organisation' },
    ])
  }
}

export async function createStatement(ctx: ServiceContext, actor: Actor, input: CreateStatementBody): Promise<StatementDto> {
  if (!canCreateStatement(actor)) throw forbidden('Only coordinators and admins open statements')
  const draftingOrganizationIds = [...new Set(input.draftingOrganizationIds)]
  await assertOrganizationsExist(ctx, draftingOrganizationIds)
  const now = ctx.now().toISOString()
  const statement = await ctx.storage.statements.create({
    id: randomUUID(),
    ...input,
    deadline: input.deadline ?? null,
    wordLimit: input.wordLimit ?? null,
    speakingLimitSeconds: input.speakingLimitSeconds ?? null,
    wordsPerMinute: input.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE,
    submittingOrganizationId: input.submittingOrganizationId ?? actor.organizationId,
    draftingOrganizationIds,
    status: 'drafting',
    lock: null,
    lastUnlock: null,
    closedAt: null,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  })
  await recordAudit(ctx, statement.id, 'statement_created', actor.id, { title: statement.title })
  return presentStatement(statement, actor)
}

export async function listStatements(ctx: ServiceContext, actor: Actor, query?: string): Promise<StatementDto[]> {
  const needle = query?.toLocaleLowerCase()
  const statements = await ctx.storage.statements.list()
  return statements
    .filter((s) => canReadStatement(actor, s))
    .filter((s) => !needle || s.title.toLocaleLowerCase().includes(needle) || s.forum.toLocaleLowerCase().includes(needle))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((s) => presentStatement(s, actor))
}

export async function getStatement(ctx: ServiceContext, actor: Actor, id: string): Promise<StatementDto> {
  return presentStatement(await findReadableStatement(ctx, actor, id), actor)
}

export async function updateStatement(ctx: ServiceContext, actor: Actor, id: string, patch: UpdateStatementBody): Promise<StatementDto> {
  const statement = await findReadableStatement(ctx, actor, id)
  if (!canChangeStatementSettings(actor, statement)) throw forbidden('Only coordinators and admins change statement settings')
  if (patch.draftingOrganizationIds) {
    patch = { ...patch, draftingOrganizationIds: [...new Set(patch.draftingOrganizationIds)] }
    await assertOrganizationsExist(ctx, patch.draftingOrganizationIds ?? [])
  }
  const updated = await ctx.storage.statements.update(id, { ...patch, updatedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such statement')
  // Live sockets re-check their access: a reader may have lost the statement or gained editing.
  ctx.events.emit('statementChanged', updated)
  await recordAudit(ctx, id, 'settings_changed', actor.id, { changes: changedFields(statement, updated) })
  return presentStatement(updated, actor)
}

/** Field → { from, to } for what a settings change actually changed. */
function changedFields(before: Statement, after: Statement): Record<string, { from: unknown; to: unknown }> {
  const keys = [
    'title',
    'forum',
    'kind',
    'deadline',
    'wordLimit',
    'speakingLimitSeconds',
    'wordsPerMinute',
    'visibility',
    'draftingOrganizationIds',
    'meetingId',
    'agendaItemId',
    'workingGroupId',
    'submittingOrganizationId',
  ] as const
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] }
  }
  return changes
}
