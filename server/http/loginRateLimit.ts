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
    // TRUST_PROXY=true is a documented deployment choice (server/config.ts), not a mistake to warn about.
    validate: { trustProxy: false },
    // req.ip follows TRUST_PROXY: X-Forwarded-For names the client only when it comes from a trusted hop.
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : ''
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${email}`
    },
    handler: (_req, _res, next) => next(new HttpError('rate_limited', 'Too many sign-in attempts; try again in a few minutes')),
  })
}
