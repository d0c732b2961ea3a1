import { z } from 'zod'
import { STATEMENT_KINDS, VISIBILITIES } from '../domain/statement.js'
import { LIMITS } from '../limits.js'

const statementFields = {
  title: z.string().trim().min(1).max(LIMITS.titleMaxLength),
  forum: z.string().trim().max(LIMITS.forumMaxLength),
  kind: z.enum(STATEMENT_KINDS),
  deadline: z.iso.datetime({ offset: true }).nullable(),
  wordLimit: z.number().int().positive().max(LIMITS.wordLimitMax).nullable(),
  speakingLimitSeconds: z.number().int().positive().max(LIMITS.speakingLimitSecondsMax).nullable(),
  wordsPerMinute: z.number().int().min(LIMITS.wordsPerMinuteMin).max(LIMITS.wordsPerMinuteMax),
  visibility: z.enum(VISIBILITIES),
  draftingOrganizationIds: z.array(z.string().min(1).max(100)).max(500),
  meetingId: z.string().min(1).max(100).nullable(),
  agendaItemId: z.string().min(1).max(100).nullable(),
  workingGroupId: z.string().min(1).max(100).nullable(),
  submittingOrganizationId: z.string().min(1).max(100).nullable(),
}

/**
 * The limits and the deadline stay undefined when the request leaves them out: the server then
 * fills them from the meeting's forum presets (`limitsFromPreset`), or with the defaults
 * (no limit, no deadline, `DEFAULT_WORDS_PER_MINUTE`) without a meeting. A value given, `null` included, wins.
 */
export const createStatementBody = z.object({
  title: statementFields.title,
  forum: statementFields.forum.default(''),
  kind: statementFields.kind.default('oral'),
  deadline: statementFields.deadline.optional(),
  wordLimit: statementFields.wordLimit.optional(),
  speakingLimitSeconds: statementFields.speakingLimitSeconds.optional(),
  wordsPerMinute: statementFields.wordsPerMinute.optional(),
  visibility: statementFields.visibility,
  draftingOrganizationIds: statementFields.draftingOrganizationIds.default([]),
  meetingId: statementFields.meetingId.default(null),
  agendaItemId: statementFields.agendaItemId.default(null),
  workingGroupId: statementFields.workingGroupId.default(null),
  /** Omitted: the creator's organisation. */
  submittingOrganizationId: statementFields.submittingOrganizationId.optional(),
})
export type CreateStatementBody = z.infer<typeof createStatementBody>

export const updateStatementBody = z
  .object(statementFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
export type UpdateStatementBody = z.infer<typeof updateStatementBody>

export const CONTENT_FORMATS = ['text', 'html', 'json'] as const
export const contentQuery = z.object({
  format: z.enum(CONTENT_FORMATS).default('json'),
})

export const statementListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  meetingId: z.string().min(1).max(100).optional(),
  workingGroupId: z.string().min(1).max(100).optional(),
})
