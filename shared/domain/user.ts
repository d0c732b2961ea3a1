export const ROLES = ['admin', 'coordinator', 'member'] as const
export type Role = (typeof ROLES)[number]

/** A user as every layer may see it: never carries the password hash. */
export interface User {
  id: string
  email: string
  name: string
  organizationId: string
  role: Role
  /** May endorse statements on behalf of their organisation. */
  canSign: boolean
  createdAt: string
}
