import { z } from 'zod'
import { ECOSOC_STATUSES } from '../domain/organization.js'
import { LIMITS } from '../limits.js'

const websiteSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(500)

export const createOrganizationBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  shortName: z.string().trim().min(1).max(50).optional(),
  country: z.string().trim().min(1).max(100),
  ecosocStatus: z.enum(ECOSOC_STATUSES).default('none'),
  website: websiteSchema.optional(),
})
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>
