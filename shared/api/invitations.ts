import { z } from 'zod'
import { ROLES } from '../domain/user.js'
import { emailSchema, passwordSchema, personNameSchema } from './auth.js'

export const createInvitationBody = z.object({
  email: emailSchema,
  organizationId: z.string().min(1).max(100),
  role: z.enum(ROLES),
  canSign: z.boolean().default(false),
})
export type CreateInvitationBody = z.infer<typeof createInvitationBody>

export const acceptInvitationBody = z.object({
  name: personNameSchema,
  password: passwordSchema,
})
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
