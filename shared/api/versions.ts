import { z } from 'zod'
import { LIMITS } from '../limits.js'

export const createVersionBody = z.object({
  label: z.string().trim().min(1, 'give the version a name').max(LIMITS.versionLabelMaxLength),
})
export type CreateVersionBody = z.infer<typeof createVersionBody>

export const diffQuery = z.object({
  from: z.string().min(1).max(100),
  /** A version id, or `current` for the text as it is now. */
  to: z.string().min(1).max(100).default('current'),
})
