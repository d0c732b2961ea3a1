import { z } from 'zod'
import { LIMITS } from '../limits.js'

/** `YYYY-MM-DD` that names a real calendar day (no 2025-02-30). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  .refine((value) => isCalendarDate(value), { message: 'is not a calendar date' })

export function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}

const id = z.string().min(1).max(100)

const meetingFields = {
  forumId: id,
  name: z.string().trim().min(1).max(LIMITS.titleMaxLength),
  startDate: calendarDate,
  endDate: calendarDate,
  venue: z.string().trim().max(LIMITS.nameMaxLength),
}

const endNotBeforeStart = {
  check: (body: { startDate?: string | undefined; endDate?: string | undefined }) =>
    body.startDate === undefined || body.endDate === undefined || body.endDate >= body.startDate,
  issue: { message: 'must not be before the start date', path: ['endDate'] },
}

export const createMeetingBody = z
  .object({ ...meetingFields, venue: meetingFields.venue.default('') })
  .refine(endNotBeforeStart.check, endNotBeforeStart.issue)
export type CreateMeetingBody = z.infer<typeof createMeetingBody>

/** A change of one date is checked against the other stored one by the server. */
export const updateMeetingBody = z
  .object(meetingFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
  .refine(endNotBeforeStart.check, endNotBeforeStart.issue)
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>

export const meetingListQuery = z.object({
  forumId: id.optional(),
  /** `true`: only meetings whose end date is today or later (the server's today, UTC). */
  upcoming: z.enum(['true', 'false']).optional(),
})

export const createAgendaItemBody = z.object({
  number: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(LIMITS.titleMaxLength),
  generalDebate: z.boolean().default(false),
})
export type CreateAgendaItemBody = z.infer<typeof createAgendaItemBody>
