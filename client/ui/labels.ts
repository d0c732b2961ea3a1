import type { EcosocStatus } from '../../shared/domain/organization.js'
import type { StatementKind, StatementStatus, Visibility } from '../../shared/domain/statement.js'
import type { Role } from '../../shared/domain/user.js'

/** How the UI names the domain's enumerations; the values themselves live in shared/domain/. */
const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', coordinator: 'Coordinator', member: 'Member' }
const ECOSOC_LABELS: Record<EcosocStatus, string> = {
  general: 'General consultative status',
  special: 'Special consultative status',
  roster: 'Roster',
  none: 'No ECOSOC status',
}
const KIND_LABELS: Record<StatementKind, string> = { oral: 'Oral', written: 'Written' }
const VISIBILITY_LABELS: Record<Visibility, string> = {
  members: 'All members',
  drafters: 'Confidential',
  working_group: 'Working group',
}

const STATUS_LABELS: Record<StatementStatus, string> = { drafting: 'Drafting', locked: 'Final text locked', closed: 'Sign-on closed' }

export const roleLabel = (role: Role) => ROLE_LABELS[role]
export const ecosocLabel = (status: EcosocStatus) => ECOSOC_LABELS[status]
export const kindLabel = (kind: StatementKind) => KIND_LABELS[kind]
export const visibilityLabel = (visibility: Visibility) => VISIBILITY_LABELS[visibility]
export const statusLabel = (status: StatementStatus) => STATUS_LABELS[status]

const numberFormat = new Intl.NumberFormat('en-GB')
export const formatNumber = (value: number) => numberFormat.format(value)
