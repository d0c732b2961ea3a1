import { z } from 'zod'
import { STATEMENT_KINDS, VISIBILITIES, DEFAULT_WORDS_PER_MINUTE } from '../domain/statement.js'
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
}

export const createStatementBody = z.object({
  title: statementFields.title,
  forum: statementFields.forum.default(''),
  kind: statementFields.kind.default('oral'),
  deadline: statementFields.deadline.default(null),
  wordLimit: statementFields.wordLimit.default(null),
  speakingLimitSeconds: statementFields.speakingLimitSeconds.default(null),
  wordsPerMinute: statementFields.wordsPerMinute.default(DEFAULT_WORDS_PER_MINUTE),
  visibility: statementFields.visibility,
  draftingOrganizationIds: statementFields.draftingOrganizationIds.default([]),
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
})
