/**
 * Stable error codes of the HTTP API: `{ "error": { "code", "message" } }`.
 * Scripts depend on these; add new ones, never rename.
 */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  /** The password was right but a coordinator or admin has disabled the account. */
  account_disabled: 403,
  forbidden: 403,
  origin_mismatch: 403,
  not_found: 404,
  invitation_invalid: 404,
  setup_unavailable: 404,
  signon_link_invalid: 404,
  email_taken: 409,
  organization_name_taken: 409,
  /** The change would leave no enabled admin. */
  last_admin: 409,
  working_group_name_taken: 409,
  /** The text is locked (or closed): content cannot change. */
  statement_locked: 409,
  /** Lock needs a drafting statement. */
  statement_not_drafting: 409,
  /** Unlock and close need a locked statement. */
  statement_not_locked: 409,
  /** Endorsements close with the statement. */
  statement_closed: 409,
  /** The organisation already has an active endorsement of this statement. */
  already_endorsed: 409,
  /** Approve and reject take pending endorsements only. */
  endorsement_not_pending: 409,
  /** The endorsement is withdrawn or rejected. */
  endorsement_inactive: 409,
  /** The statement behind a sign-on link is not locked now. */
  signon_not_open: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  /** A write failed because the disk (or the quota) is full; nothing was changed. */
  storage_full: 507,
  /** A write could not reach the disk (an I/O error, a read-only disk, storage closing); try again. */
  storage_unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}
