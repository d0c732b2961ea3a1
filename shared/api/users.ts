import { z } from 'zod'
import { ROLES } from '../domain/user.js'

/**
 * `PATCH /api/users/:id`: any of role, signing right and disabled. Unknown fields are
 * refused rather than ignored, so a typo (`disable`) does not look like success.
 */
export const updateUserBody = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    canSign: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => body.role !== undefined || body.canSign !== undefined || body.disabled !== undefined, {
    message: 'Send at least one of role, canSign, disabled',
  })
export type UpdateUserBody = z.infer<typeof updateUserBody>
