import { Router } from 'express'
import { loginBody, setupBody } from '../../../shared/api/auth.js'
import { authenticate, describeUser } from '../../services/accounts.js'
import type { ServiceContext } from '../../services/context.js'
import { endSession, startSession } from '../../services/sessions.js'
import type { FirstRunSetup } from '../../services/setup.js'
import { requireAuth } from '../authentication.js'
import { loginRateLimit } from '../loginRateLimit.js'
import { clearSessionCookie, setSessionCookie, type CookiePolicy } from '../sessionCookie.js'
import { validate } from '../validate.js'

export function authRoutes(ctx: ServiceContext, setup: FirstRunSetup, cookies: CookiePolicy, limits: { attempts: number; windowMs: number }): Router {
  const router = Router()

  router.post('/auth/login', loginRateLimit(limits), async (req, res) => {
    const body = validate(loginBody, req.body)
    const user = await authenticate(ctx, body.email, body.password)
    // A fresh session id at every sign-in; the previous one of this browser ends.
    if (req.auth) await endSession(ctx, req.auth.session.id)
    const { token } = await startSession(ctx, user.id)
    setSessionCookie(res, token, cookies)
    res.json(await describeUser(ctx, user))
  })

  router.post('/auth/logout', async (req, res) => {
    if (req.auth) await endSession(ctx, req.auth.session.id)
    clearSessionCookie(res, cookies)
    res.status(204).end()
  })

  router.get('/me', async (req, res) => {
    res.json(await describeUser(ctx, requireAuth(req).user))
  })

  router.get('/setup', (_req, res) => {
    res.json({ needed: setup.isOpen() })
  })

  router.post('/setup', async (req, res) => {
    const user = await setup.complete(validate(setupBody, req.body))
    const { token } = await startSession(ctx, user.id)
    setSessionCookie(res, token, cookies)
    res.status(201).json(await describeUser(ctx, user))
  })

  return router
}
