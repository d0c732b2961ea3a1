import { z } from 'zod'
import { ECOSOC_STATUSES } from '../domain/organization.js'
import { LIMITS } from '../limits.js'

const seconds = z.number().int().positive().max(LIMITS.speakingLimitSecondsMax).nullable()
const words = z.number().int().positive().max(LIMITS.wordLimitMax).nullable()

export const forumPresetsSchema = z.object({
  oral: z.object({
    speakingLimitSeconds: seconds,
    generalDebateSpeakingLimitSeconds: seconds,
    wordsPerMinute: z.number().int().min(LIMITS.wordsPerMinuteMin).max(LIMITS.wordsPerMinuteMax),
  }),
  written: z.object({
    wordLimits: z.object(Object.fromEntries(ECOSOC_STATUSES.map((status) => [status, words])) as Record<(typeof ECOSOC_STATUSES)[number], typeof words>),
    coverPageWords: z.number().int().min(0).max(LIMITS.wordLimitMax),
  }),
  deadlineDaysBeforeMeeting: z.number().int().min(0).max(LIMITS.deadlineDaysBeforeMeetingMax).nullable(),
})

const forumFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  shortName: z.string().trim().min(1).max(50),
  description: z.string().trim().max(LIMITS.descriptionMaxLength),
  cadence: z.string().trim().max(300),
  presets: forumPresetsSchema,
}

/** Presets left out: DEFAULT_FORUM_PRESETS (shared/domain/forumCatalogue.ts). */
export const createForumBody = z.object({
  name: forumFields.name,
  shortName: forumFields.shortName,
  description: forumFields.description.default(''),
  cadence: forumFields.cadence.default(''),
  presets: forumFields.presets.optional(),
})
export type CreateForumBody = z.infer<typeof createForumBody>

/** `presets`, when given, replaces the forum's presets as a whole. */
export const updateForumBody = z
  .object(forumFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
export type UpdateForumBody = z.infer<typeof updateForumBody>
