import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { HttpError } from './httpError.js'

/**
 * Failed sign-ins per address and e-mail, so one attacker cannot guess a
 * password and one victim cannot be locked out from everywhere. Successful
 * sign-ins do not count.
 */
export function loginRateLimit(options: { attempts: number; windowMs: number }) {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.attempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : ''
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${email}`
    },
    handler: (_req, _res, next) => next(new HttpError('rate_limited', 'Too many sign-in attempts; try again in a few minutes')),
  })
}
