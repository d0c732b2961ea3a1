import { z } from 'zod'
import { LIMITS } from '../limits.js'

export const unlockBody = z.object({
  reason: z.string().trim().min(1, 'say why the text is unlocked').max(LIMITS.unlockReasonMaxLength),
})
export type UnlockBody = z.infer<typeof unlockBody>
