import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { ServiceContext } from '../services/context.js'
import { resolveSession, type ResolvedSession } from '../services/sessions.js'
import { unauthenticated } from './httpError.js'
import { readSessionToken } from './sessionCookie.js'

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `loadSession` when the request carries a live session cookie. */
    auth?: ResolvedSession
  }
}

export function loadSession(ctx: ServiceContext): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const resolved = await resolveSession(ctx, readSessionToken(req.headers.cookie))
    if (resolved) req.auth = resolved
    next()
  }
}

/** The signed-in user, or a 401. */
export function requireAuth(req: Request): ResolvedSession {
  if (!req.auth) throw unauthenticated()
  return req.auth
}
