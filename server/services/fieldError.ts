import { HttpError } from '../http/httpError.js'

/**
 * A 400 `validation_failed` naming the field, shaped like the zod errors of `validate`, for
 * what only storage can tell: an id that names nothing, an agenda item of another meeting.
 */
export function fieldError(field: string, message: string): HttpError {
  return new HttpError('validation_failed', `Invalid request: ${field}: ${message}`, [{ path: [field], message }])
}
