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
  /**
   * Access revoked by a coordinator or admin: no sign-in, no session, no socket.
   * Records written before accounts could be disabled lack the field; `isDisabled` reads them as enabled.
   */
  disabled: boolean
  createdAt: string
}

/** Whether the account is switched off; tolerant of records stored before the field existed. */
export function isDisabled(user: Pick<User, 'disabled'>): boolean {
  return user.disabled === true
}
