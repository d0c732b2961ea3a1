import { randomUUID } from 'node:crypto'
import type { CreateAgendaItemBody, CreateMeetingBody, UpdateMeetingBody } from '../../shared/api/meetings.js'
import { calendarDay, compareMeetings, isUpcoming, type AgendaItem, type Meeting } from '../../shared/domain/meeting.js'
import { canManageMeetings, type Actor } from '../../shared/domain/permissions.js'
import { forbidden, notFound } from '../http/httpError.js'
import type { ServiceContext } from './context.js'
import { fieldError } from './fieldError.js'

export interface MeetingFilter {
  forumId?: string | undefined
  /** Only meetings whose last day is today or later, by the server's clock. */
  upcoming?: boolean | undefined
}

async function assertForumExists(ctx: ServiceContext, forumId: string): Promise<void> {
  if (!(await ctx.storage.forums.get(forumId))) throw fieldError('forumId', 'Unknown forum')
}

/** Every signed-in member reads meetings, soonest first. */
export async function listMeetings(ctx: ServiceContext, _actor: Actor, filter: MeetingFilter = {}): Promise<Meeting[]> {
  const today = calendarDay(ctx.now())
  const meetings = await ctx.storage.meetings.list()
  return meetings
    .filter((meeting) => filter.forumId === undefined || meeting.forumId === filter.forumId)
    .filter((meeting) => !filter.upcoming || isUpcoming(meeting, today))
    .sort(compareMeetings)
}

export async function getMeeting(ctx: ServiceContext, _actor: Actor, id: string): Promise<Meeting> {
  const meeting = id.length <= 100 ? await ctx.storage.meetings.get(id) : null
  if (!meeting) throw notFound('No such meeting')
  return meeting
}

export async function createMeeting(ctx: ServiceContext, actor: Actor, input: CreateMeetingBody): Promise<Meeting> {
  if (!canManageMeetings(actor)) throw forbidden('Only coordinators and admins add meetings')
  await assertForumExists(ctx, input.forumId)
  const now = ctx.now().toISOString()
  return ctx.storage.meetings.create({ id: randomUUID(), ...input, createdAt: now, updatedAt: now })
}

/** Statements keep the deadline and limits they were given: a new date re-applies nothing. */
export async function updateMeeting(ctx: ServiceContext, actor: Actor, id: string, patch: UpdateMeetingBody): Promise<Meeting> {
  if (!canManageMeetings(actor)) throw forbidden('Only coordinators and admins change meetings')
  const meeting = await getMeeting(ctx, actor, id)
  if (patch.forumId !== undefined && patch.forumId !== meeting.forumId) await assertForumExists(ctx, patch.forumId)
  const startDate = patch.startDate ?? meeting.startDate
  const endDate = patch.endDate ?? meeting.endDate
  if (endDate < startDate) throw fieldError(patch.endDate !== undefined ? 'endDate' : 'startDate', 'The meeting cannot end before it starts')
  const updated = await ctx.storage.meetings.update(id, { ...patch, updatedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such meeting')
  return updated
}

export async function listAgendaItems(ctx: ServiceContext, actor: Actor, meetingId: string): Promise<AgendaItem[]> {
  await getMeeting(ctx, actor, meetingId)
  return ctx.storage.agendaItems.list(meetingId)
}

export async function createAgendaItem(ctx: ServiceContext, actor: Actor, meetingId: string, input: CreateAgendaItemBody): Promise<AgendaItem> {
  if (!canManageMeetings(actor)) throw forbidden('Only coordinators and admins change agendas')
  await getMeeting(ctx, actor, meetingId)
  return ctx.storage.agendaItems.create({ id: randomUUID(), meetingId, ...input, createdAt: ctx.now().toISOString() })
}
