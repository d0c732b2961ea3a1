/**
 * WebSocket close codes the collaboration server uses. 4000–4999 are reserved
 * for applications; they mirror the HTTP statuses they correspond to so that a
 * client can tell "sign in again" from "you lost access" from "try again".
 */
export const CloseCode = {
  /** Server shutting down (standard "going away"); reconnect later. */
  goingAway: 1001,
  /** Message larger than the configured limit (standard "message too big"). */
  messageTooBig: 1009,
  /** The server failed to load or save the document; reconnect later. */
  internalError: 1011,
  /** The message could not be decoded, is of a type the protocol does not know, or is an update the server refuses (malformed, too slow to apply, outside the schema). */
  malformedMessage: 4400,
  /** The session ended (logout, expiry): sign in again. */
  unauthenticated: 4401,
  /** The user can still see the statement but lost a right the connection relied on. */
  forbidden: 4403,
  /** The statement is gone, or the user may no longer know it exists. */
  notFound: 4404,
  /** The connection fell too far behind reading what the server sends (MAX_SEND_BUFFER_BYTES); reconnecting resyncs it. */
  tooSlow: 4408,
  /** Too many awareness entries on one connection, or one entry's state too large. */
  awarenessTooLarge: 4413,
  /** More updates, sync requests or awareness messages than the connection's rates allow, or more update time than its budget; reconnecting after a pause is fine. */
  rateLimited: 4429,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CLOSE_REASONS: Record<number, string> = {
  1001: 'going_away',
  1009: 'message_too_big',
  1011: 'internal_error',
  4400: 'malformed_message',
  4401: 'unauthenticated',
  4403: 'forbidden',
  4404: 'not_found',
  4408: 'too_slow',
  4413: 'awareness_too_large',
  4429: 'rate_limited',
}

/** Codes after which reconnecting cannot help without the user doing something. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 4403, 4404])
