import { z } from 'zod'
import { LIMITS } from '../limits.js'

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an e-mail address' }))

export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMinLength, `must be at least ${LIMITS.passwordMinLength} characters`)
  .max(LIMITS.passwordMaxLength)

export const personNameSchema = z.string().trim().min(1).max(LIMITS.nameMaxLength)

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(LIMITS.passwordMaxLength),
})
export type LoginBody = z.infer<typeof loginBody>

/** First start without ADMIN_EMAIL: the person holding the setup link creates the administrator. */
export const setupBody = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  organizationName: z.string().trim().min(1).max(LIMITS.nameMaxLength).optional(),
})
export type SetupBody = z.infer<typeof setupBody>
