import { existsSync } from 'node:fs'
import path from 'node:path'
import express, { type Express } from 'express'
import helmet from 'helmet'
import { LIMITS } from '../../shared/limits.js'
import type { ServiceContext } from '../services/context.js'
import type { FirstRunSetup } from '../services/setup.js'
import { loadSession } from './authentication.js'
import { apiNotFound, errorHandler } from './errorHandler.js'
import { openApiDocument } from './openapi.js'
import { originCheck } from './originCheck.js'
import { authRoutes } from './routes/auth.js'
import { dashboardRoutes } from './routes/dashboard.js'
import { endorsementRoutes } from './routes/endorsements.js'
import { forumRoutes } from './routes/forums.js'
import { invitationRoutes } from './routes/invitations.js'
import { lifecycleRoutes } from './routes/lifecycle.js'
import { meetingRoutes } from './routes/meetings.js'
import { organizationRoutes } from './routes/organizations.js'
import { publicSignonRoutes } from './routes/publicSignon.js'
import { signoffRoutes, verifyPageRoutes } from './routes/signoff.js'
import { statementRoutes } from './routes/statements.js'
import { versionRoutes } from './routes/versions.js'
import { workingGroupRoutes } from './routes/workingGroups.js'
import type { CookiePolicy } from './sessionCookie.js'

export interface AppDependencies {
  ctx: ServiceContext
  setup: FirstRunSetup
  cookies: CookiePolicy
  login: { attempts: number; windowMs: number }
  signon: { submissions: number; windowMs: number }
  clientDir: string | null
  /** Express's `trust proxy` (TRUST_PROXY): decides `req.ip` for the per-address limits. */
  trustProxy: boolean | number | string
}

export function createApp(deps: AppDependencies): Express {
  const { ctx } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.trustProxy)
  app.use(
    helmet({
      // The whole policy is spelled out (no helmet defaults merged in), so this block is the policy a reviewer reads.
      // The client is one module script from our origin and plain CSS, no inline script, nothing external
      // (server/test/outputSafety.test.ts checks it on client pages; e2e/outputSafety.spec.ts that the client runs under it).
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          // ws(s) to our own origin for the collaboration socket; 'self' alone does not cover ws: in every browser.
          connectSrc: ["'self'", () => ctx.publicUrl().replace(/^http/, 'ws')],
          // Tiptap injects its base stylesheet as a <style> element, and ProseMirror and the caret extension
          // set style attributes; CSS cannot run script, and the HTML it would style is escaped.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          // No <base>: an injected one would reroute every relative script and API URL.
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: ctx.publicUrl().startsWith('https:') ? [] : null,
        },
      },
      // Older browsers read X-Frame-Options, not frame-ancestors: no framing at all, as above.
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: ctx.publicUrl().startsWith('https:'),
    }),
  )

  const api = express.Router()
  api.use(express.json({ limit: LIMITS.jsonBodyBytes }))
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })
  api.get('/health', (_req, res) => void res.json({ ok: true }))
  api.get('/openapi.json', (_req, res) => void res.json(openApiDocument(ctx.publicUrl())))
  api.use(originCheck(ctx.publicUrl))
  api.use(loadSession(ctx))
  api.use(authRoutes(ctx, deps.setup, deps.cookies, deps.login))
  api.use(organizationRoutes(ctx))
  api.use(invitationRoutes(ctx, deps.cookies))
  api.use(statementRoutes(ctx))
  api.use(versionRoutes(ctx))
  api.use(lifecycleRoutes(ctx))
  api.use(endorsementRoutes(ctx))
  api.use(publicSignonRoutes(ctx, deps.signon))
  api.use(signoffRoutes(ctx))
  api.use(forumRoutes(ctx))
  api.use(meetingRoutes(ctx))
  api.use(workingGroupRoutes(ctx))
  api.use(dashboardRoutes(ctx))
  api.use(apiNotFound)
  api.use(errorHandler(ctx.logger))
  app.use('/api', api)
  // Spellings of /api that miss the mount above (`//api/…`, `/api%2F…`, `/%61pi/…`) are wrong API paths,
  // answered in JSON, not with the client page (server/test/accessMatrix.test.ts › "path variants …").
  app.use((req, res, next) => (looksLikeApiPath(req.path) ? apiNotFound(req, res, next) : next()))
  app.use(verifyPageRoutes(ctx))
  app.use(errorHandler(ctx.logger))

  serveClient(app, deps.clientDir)
  return app
}

/** The path once percent-decoded, with backslashes read as slashes and leading slashes collapsed, as a proxy or browser might. */
function looksLikeApiPath(pathname: string): boolean {
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // Malformed escapes: judge the path as sent.
  }
  return /^\/+api(?:\/|$)/i.test(decoded.replace(/\\/g, '/'))
}

/** The built single-page client, with index.html for every client-side route. */
function serveClient(app: Express, clientDir: string | null): void {
  const index = clientDir ? path.join(clientDir, 'index.html') : null
  if (clientDir) app.use(express.static(clientDir, { index: false, maxAge: '1h' }))
  app.get(/.*/, (_req, res) => {
    if (index && existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } })
    res.status(503).type('text/plain').send('The Plenary client is not built. Run `npm run build` (npm start does this for you).')
  })
}
