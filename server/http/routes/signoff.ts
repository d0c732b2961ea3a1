import { Router, type Response } from 'express'
import { signoffQuery } from '../../../shared/api/endorsements.js'
import type { RenderedExport } from '../../exports/renderSignoff.js'
import { renderSignoff } from '../../exports/renderSignoff.js'
import { renderNotVerifiedPage, SIGNOFF_HTML_CSP } from '../../exports/signoffHtml.js'
import type { ServiceContext } from '../../services/context.js'
import { exportSignoff, verificationDocument } from '../../services/signoff.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

/**
 * The printable HTML pages carry their own stylesheet inline; they get a CSP of
 * their own (SIGNOFF_HTML_CSP) in place of the client's: exactly that
 * stylesheet, by hash, and nothing else (no scripts, no requests).
 */
function send(res: Response, rendered: RenderedExport, disposition: 'attachment' | 'inline'): void {
  if (rendered.contentType.startsWith('text/html')) res.setHeader('Content-Security-Policy', SIGNOFF_HTML_CSP)
  res.setHeader('Content-Type', rendered.contentType)
  res.setHeader('Content-Disposition', `${disposition}; filename="${rendered.filename.replace(/[^\w.-]/g, '_')}"`)
  res.setHeader('Cache-Control', 'no-store')
  res.send(rendered.body)
}

export function signoffRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/statements/:id/signoff', async (req, res) => {
    const { user } = requireAuth(req)
    const { format, order } = validate(signoffQuery, req.query)
    const rendered = await exportSignoff(ctx, user, req.params.id, format, order)
    send(res, rendered, format === 'html' || format === 'json' ? 'inline' : 'attachment')
  })

  router.get('/public/verify/:fingerprint', async (req, res) => {
    send(res, await renderSignoff('json', await verificationDocument(ctx, req.params.fingerprint)), 'inline')
  })

  return router
}

/** `/verify/<fingerprint>`: a server-rendered page that works without JavaScript or an account. */
export function verifyPageRoutes(ctx: ServiceContext): Router {
  const router = Router()
  router.get('/verify/:fingerprint', async (req, res) => {
    try {
      send(res, await renderSignoff('html', await verificationDocument(ctx, req.params.fingerprint)), 'inline')
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
      res.status(404).setHeader('Content-Security-Policy', SIGNOFF_HTML_CSP)
      res.type('text/html').send(renderNotVerifiedPage())
    }
  })
  return router
}
