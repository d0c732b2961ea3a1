import { z } from 'zod'
import { ECOSOC_STATUSES } from '../domain/organization.js'
import { LIMITS } from '../limits.js'
import { emailSchema } from './auth.js'

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined))

export const endorseBody = z.object({
  signatoryName: text(LIMITS.nameMaxLength),
  signatoryTitle: optionalText(LIMITS.nameMaxLength),
  confidential: z.boolean().default(false),
  comment: optionalText(LIMITS.endorsementCommentMaxLength),
})
export type EndorseBody = z.infer<typeof endorseBody>

/** What an outside organisation fills in on the public sign-on form. */
export const externalSignonBody = z.object({
  organizationName: text(LIMITS.nameMaxLength),
  country: text(100),
  ecosocStatus: z.enum(ECOSOC_STATUSES),
  contactName: text(LIMITS.nameMaxLength),
  signatoryTitle: optionalText(LIMITS.nameMaxLength),
  email: emailSchema,
  website: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(500)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  confidential: z.boolean().default(false),
  comment: optionalText(LIMITS.endorsementCommentMaxLength),
  consent: z.literal(true, { message: 'consent is required to sign on' }),
})
export type ExternalSignonBody = z.infer<typeof externalSignonBody>

export const createSignonLinkBody = z.object({
  expiresInDays: z.number().int().min(1).max(90).default(14),
})

export const SIGNOFF_FORMATS = ['csv', 'json', 'docx', 'pdf', 'html'] as const
export const SIGNOFF_ORDERS = ['name', 'country', 'status', 'date'] as const
export const signoffQuery = z.object({
  format: z.enum(SIGNOFF_FORMATS).default('json'),
  order: z.enum(SIGNOFF_ORDERS).default('name'),
})
