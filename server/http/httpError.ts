import { ERROR_CODES, type ErrorCode } from '../../shared/api/errorCodes.js'

/** The one error type routes and services throw; the error handler turns it into `{ error: { code, message } }`. */
export class HttpError extends Error {
  readonly status: number
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message)
    this.name = 'HttpError'
    this.status = ERROR_CODES[code]
  }
}

export const notFound = (what = 'Not found') => new HttpError('not_found', what)
export const forbidden = (message = 'You may not do this') => new HttpError('forbidden', message)
export const unauthenticated = () => new HttpError('unauthenticated', 'Sign in first')
