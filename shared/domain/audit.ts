/**
 * What happened to a statement, for its audit trail. Entries are appended and
 * never changed. `details` carries what each action needs to be read later
 * (the changed fields, a version number, an unlock reason, a fingerprint).
 */
export const AUDIT_ACTIONS = [
  'statement_created',
  'settings_changed',
  'version_named',
  'version_restored',
  'locked',
  'unlocked',
  'closed',
  'endorsed',
  'endorsement_confirmed',
  'endorsement_withdrawn',
  'endorsement_submitted',
  'endorsement_approved',
  'endorsement_rejected',
  'signon_link_created',
  'signon_link_revoked',
  'signoff_exported',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEntry {
  id: string
  statementId: string
  at: string
  action: AuditAction
  /** Who did it; null for the system. */
  actorId: string | null
  details: Record<string, unknown>
}
