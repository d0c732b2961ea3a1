import { z } from 'zod'
import { LIMITS } from '../limits.js'

const ids = z.array(z.string().min(1).max(100)).max(500)

const workingGroupFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  description: z.string().trim().max(LIMITS.descriptionMaxLength),
  memberOrganizationIds: ids,
  /** Users; they chair whatever their own organisation. */
  chairUserIds: ids,
}

export const createWorkingGroupBody = z.object({
  name: workingGroupFields.name,
  description: workingGroupFields.description.default(''),
  memberOrganizationIds: workingGroupFields.memberOrganizationIds.default([]),
  chairUserIds: workingGroupFields.chairUserIds.default([]),
})
export type CreateWorkingGroupBody = z.infer<typeof createWorkingGroupBody>

/** Lists, when given, replace the group's lists. */
export const updateWorkingGroupBody = z
  .object(workingGroupFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
export type UpdateWorkingGroupBody = z.infer<typeof updateWorkingGroupBody>
