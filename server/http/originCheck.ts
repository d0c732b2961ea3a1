import type { RequestHandler } from 'express'
import { HttpError } from './httpError.js'
import { SESSION_COOKIE } from './sessionCookie.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery guard. A state-changing request that rides on the
 * session cookie must come from a page of Plenary itself: browsers always send
 * Origin on such requests, so a missing or foreign Origin is refused. Requests
 * without the cookie (scripts signing in, the login form) may omit Origin, but a
 * foreign one is still refused.
 */
export function originCheck(allowedOrigin: () => string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = req.headers.origin
    const carriesSession = (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)
    if (origin === undefined ? carriesSession : origin !== allowedOrigin()) {
      return next(new HttpError('origin_mismatch', 'This request must come from the Plenary site (Origin header)'))
    }
    next()
  }
}
