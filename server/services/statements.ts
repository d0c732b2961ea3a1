import { randomUUID } from 'node:crypto'
import type { StatementDto } from '../../shared/api/dto.js'
import type { CreateStatementBody, UpdateStatementBody } from '../../shared/api/statements.js'
import {
  canChangeStatementSettings,
  canCreateStatement,
  canReadStatement,
  type Actor,
  type StatementAudience,
} from '../../shared/domain/permissions.js'
import { limitsFromPreset, type PresetLimits } from '../../shared/domain/presets.js'
import { DEFAULT_WORDS_PER_MINUTE, type Statement } from '../../shared/domain/statement.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { fieldError } from './fieldError.js'
import { presentStatement } from './presenters.js'
import { audienceResolver, resolveAudience } from './statementAudience.js'

export interface ReadableStatement {
  statement: Statement
  /** What the permission functions need besides the statement: decide with it, never without. */
  audience: StatementAudience
}

/** The statement and its audience if the actor may know it exists; a 404 otherwise, identical to a missing one. */
export async function findReadableStatementAndAudience(ctx: ServiceContext, actor: Actor, id: string): Promise<ReadableStatement> {
  const statement = id.length <= 100 ? await ctx.storage.statements.get(id) : null
  if (!statement) throw notFound('No such statement')
  const audience = await resolveAudience(ctx, statement)
  if (!canReadStatement(actor, statement, audience)) throw notFound('No such statement')
  return { statement, audience }
}

/** The statement if the actor may know it exists; a 404 otherwise, identical to a missing one. */
export async function findReadableStatement(ctx: ServiceContext, actor: Actor, id: string): Promise<Statement> {
  return (await findReadableStatementAndAudience(ctx, actor, id)).statement
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

/** The statement's references as they will be stored. */
type References = Pick<Statement, 'meetingId' | 'agendaItemId' | 'workingGroupId' | 'visibility' | 'draftingOrganizationIds' | 'submittingOrganizationId'>

/**
 * Checks that the ids name things that exist and fit together: the agenda item is on the
 * statement's meeting, `working_group` visibility has a group, and a working-group statement's
 * drafting organisations are members of the group (anyone else could not even read it).
 * `touched` limits the checks to what a PATCH changes, so an unrelated change (a title) still
 * succeeds after the group's members changed.
 */
async function checkReferences(ctx: ServiceContext, refs: References, touched: ReadonlySet<keyof References>) {
  const meeting = refs.meetingId === null ? null : await ctx.storage.meetings.get(refs.meetingId)
  if (touched.has('meetingId') && refs.meetingId !== null && !meeting) throw fieldError('meetingId', 'Unknown meeting')
  const agendaItem = refs.agendaItemId === null ? null : refs.meetingId === null ? null : await ctx.storage.agendaItems.get(refs.meetingId, refs.agendaItemId)
  if ((touched.has('agendaItemId') || touched.has('meetingId')) && refs.agendaItemId !== null && !agendaItem) {
    throw fieldError('agendaItemId', 'Not an item on the agenda of the statement\'s meeting')
  }
  const group = refs.workingGroupId === null ? null : await ctx.storage.workingGroups.get(refs.workingGroupId)
  if (touched.has('workingGroupId') && refs.workingGroupId !== null && !group) throw fieldError('workingGroupId', 'Unknown working group')
  const groupTouched = touched.has('visibility') || touched.has('workingGroupId') || touched.has('draftingOrganizationIds')
  if (groupTouched && refs.visibility === 'working_group') {
    if (!group) throw fieldError('workingGroupId', 'Working-group visibility needs a working group')
    const outside = refs.draftingOrganizationIds.filter((id) => !group.memberOrganizationIds.includes(id))
    if (outside.length > 0) throw fieldError('draftingOrganizationIds', `Not a member of the working group: ${outside.join(', ')}`)
  }
  if (touched.has('draftingOrganizationIds')) await assertOrganizationsExist(ctx, refs.draftingOrganizationIds)
  const submitting = refs.submittingOrganizationId === null ? null : await ctx.storage.organizations.get(refs.submittingOrganizationId)
  if (touched.has('submittingOrganizationId') && refs.submittingOrganizationId !== null && !submitting) {
    throw fieldError('submittingOrganizationId', 'Unknown organisation')
  }
  return { meeting, agendaItem, submitting }
}

const NO_PRESET: PresetLimits = { wordLimit: null, speakingLimitSeconds: null, wordsPerMinute: DEFAULT_WORDS_PER_MINUTE, deadline: null }

/**
 * Opens a statement. With a meeting, its forum's presets fill in every limit and the deadline
 * the request leaves out (`limitsFromPreset`: oral or written, general debate, the submitting
 * organisation's ECOSOC status); what the request gives, `null` included, wins.
 */
export async function createStatement(ctx: ServiceContext, actor: Actor, input: CreateStatementBody): Promise<StatementDto> {
  if (!canCreateStatement(actor)) throw forbidden('Only coordinators and admins open statements')
  const refs: References = {
    meetingId: input.meetingId,
    agendaItemId: input.agendaItemId,
    workingGroupId: input.workingGroupId,
    visibility: input.visibility,
    draftingOrganizationIds: [...new Set(input.draftingOrganizationIds)],
    submittingOrganizationId: input.submittingOrganizationId === undefined ? actor.organizationId : input.submittingOrganizationId,
  }
  const touched = new Set(Object.keys(refs) as (keyof References)[])
  if (input.agendaItemId !== null && input.meetingId === null) throw fieldError('agendaItemId', 'An agenda item needs the statement\'s meeting')
  const { meeting, agendaItem, submitting } = await checkReferences(ctx, refs, touched)
  const forum = meeting ? await ctx.storage.forums.get(meeting.forumId) : null
  const preset = forum
    ? limitsFromPreset(forum.presets, {
        kind: input.kind,
        ecosocStatus: submitting?.ecosocStatus ?? 'none',
        generalDebate: agendaItem?.generalDebate ?? false,
        meetingStartDate: meeting?.startDate ?? null,
      })
    : NO_PRESET
  const now = ctx.now().toISOString()
  const statement = await ctx.storage.statements.create({
    id: randomUUID(),
    title: input.title,
    forum: input.forum === '' && forum ? forum.shortName : input.forum,
    kind: input.kind,
    deadline: input.deadline !== undefined ? input.deadline : preset.deadline,
    wordLimit: input.wordLimit !== undefined ? input.wordLimit : preset.wordLimit,
    speakingLimitSeconds: input.speakingLimitSeconds !== undefined ? input.speakingLimitSeconds : preset.speakingLimitSeconds,
    wordsPerMinute: input.wordsPerMinute ?? preset.wordsPerMinute,
    ...refs,
    status: 'drafting',
    lock: null,
    lastUnlock: null,
    closedAt: null,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  })
  await recordAudit(ctx, statement.id, 'statement_created', actor.id, { title: statement.title })
  return presentStatement(statement, actor, await resolveAudience(ctx, statement))
}

export interface StatementFilter {
  q?: string | undefined
  meetingId?: string | undefined
  workingGroupId?: string | undefined
}

export async function listStatements(ctx: ServiceContext, actor: Actor, filter: StatementFilter = {}): Promise<StatementDto[]> {
  const needle = filter.q?.toLocaleLowerCase()
  const audienceOf = await audienceResolver(ctx)
  const statements = await ctx.storage.statements.list()
  return statements
    .filter((s) => canReadStatement(actor, s, audienceOf(s)))
    .filter((s) => filter.meetingId === undefined || s.meetingId === filter.meetingId)
    .filter((s) => filter.workingGroupId === undefined || s.workingGroupId === filter.workingGroupId)
    .filter((s) => !needle || s.title.toLocaleLowerCase().includes(needle) || s.forum.toLocaleLowerCase().includes(needle))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((s) => presentStatement(s, actor, audienceOf(s)))
}

export async function getStatement(ctx: ServiceContext, actor: Actor, id: string): Promise<StatementDto> {
  const { statement, audience } = await findReadableStatementAndAudience(ctx, actor, id)
  return presentStatement(statement, actor, audience)
}

/** Changes settings as given; presets are never re-applied, whatever the meeting or kind becomes. */
export async function updateStatement(ctx: ServiceContext, actor: Actor, id: string, patch: UpdateStatementBody): Promise<StatementDto> {
  const statement = await findReadableStatement(ctx, actor, id)
  if (!canChangeStatementSettings(actor, statement)) throw forbidden('Only coordinators and admins change statement settings')
  if (patch.draftingOrganizationIds) patch = { ...patch, draftingOrganizationIds: [...new Set(patch.draftingOrganizationIds)] }
  const refs: References = {
    meetingId: patch.meetingId !== undefined ? patch.meetingId : statement.meetingId,
    agendaItemId: patch.agendaItemId !== undefined ? patch.agendaItemId : statement.agendaItemId,
    workingGroupId: patch.workingGroupId !== undefined ? patch.workingGroupId : statement.workingGroupId,
    visibility: patch.visibility ?? statement.visibility,
    draftingOrganizationIds: patch.draftingOrganizationIds ?? statement.draftingOrganizationIds,
    submittingOrganizationId: patch.submittingOrganizationId !== undefined ? patch.submittingOrganizationId : statement.submittingOrganizationId,
  }
  const touched = new Set((Object.keys(refs) as (keyof References)[]).filter((key) => patch[key] !== undefined))
  if (refs.agendaItemId !== null && refs.meetingId === null && touched.has('agendaItemId')) {
    throw fieldError('agendaItemId', 'An agenda item needs the statement\'s meeting')
  }
  await checkReferences(ctx, refs, touched)
  const updated = await ctx.storage.statements.update(id, { ...patch, updatedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such statement')
  // Live sockets re-check their access: a reader may have lost the statement or gained editing.
  const audience = await resolveAudience(ctx, updated)
  ctx.events.emit('statementChanged', updated, audience)
  await recordAudit(ctx, id, 'settings_changed', actor.id, { changes: changedFields(statement, updated) })
  return presentStatement(updated, actor, audience)
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
