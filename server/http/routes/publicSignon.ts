import { Router } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { externalSignonBody } from '../../../shared/api/endorsements.js'
import type { ServiceContext } from '../../services/context.js'
import { submitExternalSignon, viewSignon } from '../../services/signonLinks.js'
import { HttpError } from '../httpError.js'
import { validate } from '../validate.js'

/** The public sign-on form: no account, a link token, and a per-address limit on submissions. */
export function publicSignonRoutes(ctx: ServiceContext, limits: { submissions: number; windowMs: number }): Router {
  const router = Router()
  const submissionLimit = rateLimit({
    windowMs: limits.windowMs,
    limit: limits.submissions,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    validate: { trustProxy: false },
    // req.ip follows TRUST_PROXY, like the login limit and the WebSocket upgrade limit.
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(new HttpError('rate_limited', 'Too many submissions from this address; try again later')),
  })

  router.get('/public/signon/:token', async (req, res) => {
    res.json(await viewSignon(ctx, req.params.token))
  })

  router.post('/public/signon/:token', submissionLimit, async (req, res) => {
    await submitExternalSignon(ctx, String(req.params.token), validate(externalSignonBody, req.body))
    res.status(202).json({ status: 'pending' })
  })

  return router
}
