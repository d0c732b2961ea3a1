import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { ApiErrorBody } from '../../shared/api/errorCodes.js'
import type { Logger } from '../logger.js'
import { HttpError } from './httpError.js'

export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError('not_found', 'No such API route'))
}

/**
 * Express 5 forwards rejected promises here. Known errors keep their status and
 * code; body-parser's errors are mapped to named codes; anything else is a 500
 * whose details go to the log, not to the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const httpError = toHttpError(error)
    if (httpError.status >= 500) logger.error(`${req.method} ${req.originalUrl} failed`, error)
    if (res.headersSent) return
    const body: ApiErrorBody = { error: { code: httpError.code, message: httpError.message } }
    if (httpError.details !== undefined) body.error.details = httpError.details
    res.status(httpError.status).json(body)
  }
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error
  const bodyParserType = (error as { type?: string } | null)?.type
  if (bodyParserType === 'entity.too.large') return new HttpError('payload_too_large', 'Request body is too large')
  if (bodyParserType === 'entity.parse.failed') return new HttpError('invalid_json', 'Request body is not valid JSON')
  if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
    return new HttpError('validation_failed', 'Unsupported request encoding')
  }
  const storageFailure = storageFailureOf(error)
  if (storageFailure === 'full') return new HttpError('storage_full', 'The server\'s disk is full: the change was not saved. Try again once space has been freed')
  if (storageFailure === 'unavailable') return new HttpError('storage_unavailable', 'Storage is not available, try again')
  return new HttpError('internal_error', 'Something went wrong on the server')
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT'])
const DISK_FAILED = new Set(['EIO', 'EROFS', 'STORAGE_UNAVAILABLE'])

/**
 * Storage adapters wrap file-system errors (StorageUnavailableError with the
 * errno error as its cause), and some paths let them through bare: the cause
 * chain is searched for the errno code either way.
 */
function storageFailureOf(error: unknown): 'full' | 'unavailable' | null {
  let failure: 'full' | 'unavailable' | null = null
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code !== 'string') continue
    if (DISK_FULL.has(code)) return 'full'
    if (DISK_FAILED.has(code)) failure = 'unavailable'
  }
  return failure
}
