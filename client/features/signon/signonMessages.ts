import { isApiError } from '../../http/ApiError.js'
import { describeError } from '../../ui/Feedback.js'

export const INVALID_SIGNON_LINK = 'This sign-on link is invalid, revoked or expired'
export const SIGNON_NOT_OPEN = 'This statement is not open for sign-on'
export const SIGNON_THANKS = "Thank you. A coordinator will confirm your organisation's endorsement."

/** Why the link shows no form: null when it is another problem (the network, the server) that a retry may fix. */
export function unavailableMessage(error: unknown): string | null {
  if (isApiError(error, 'signon_link_invalid')) return INVALID_SIGNON_LINK
  if (isApiError(error, 'signon_not_open')) return SIGNON_NOT_OPEN
  return null
}

/** What a failed submission says; validation errors go next to their fields instead. */
export function submitErrorMessage(error: unknown): string {
  if (isApiError(error, 'rate_limited')) return 'Too many submissions from this address; try again later'
  return unavailableMessage(error) ?? describeError(error)
}
