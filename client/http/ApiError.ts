/**
 * The one error type the client's HTTP layer throws. `code` is the server's stable
 * error code (shared/api/errorCodes.ts) or one of the client-side codes below, so
 * pages can decide what to say without parsing messages.
 */
export type ClientErrorCode = 'network_error' | 'unexpected_response'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}

/** Reads `{ "error": { "code", "message", "details" } }`; anything else becomes `unexpected_response`. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown }
      if (typeof code === 'string') {
        return new ApiError(status, code, typeof message === 'string' ? message : code, details)
      }
    }
  }
  return new ApiError(status, 'unexpected_response', `The server answered ${status} without a readable error.`)
}
