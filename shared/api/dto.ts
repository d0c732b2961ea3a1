import type { Organization } from '../domain/organization.js'
import type { StatementAccess } from '../domain/permissions.js'
import type { Statement } from '../domain/statement.js'
import type { User } from '../domain/user.js'

export type OrganizationDto = Organization
export type UserDto = User

export interface MeDto {
  user: UserDto
  organization: OrganizationDto
}

/** A statement as its reader sees it, with what that reader may do. */
export interface StatementDto extends Statement {
  access: Exclude<StatementAccess, 'none'>
}

export interface InvitationCreatedDto {
  token: string
  url: string
  expiresAt: string
}

export interface InvitationDto {
  id: string
  email: string
  organizationId: string
  role: User['role']
  canSign: boolean
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
}

/** What the accept page shows before the person sets a password. */
export interface InvitationPreviewDto {
  email: string
  organizationName: string
  role: User['role']
  expiresAt: string
}
