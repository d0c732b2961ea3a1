import { Router } from 'express'
import { contentQuery, createStatementBody, statementListQuery, updateStatementBody } from '../../../shared/api/statements.js'
import { renderDocument } from '../../render/documentRenderer.js'
import type { ServiceContext } from '../../services/context.js'
import { createStatement, findReadableStatement, getStatement, listStatements, updateStatement } from '../../services/statements.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

/**
 * The rendered statement as HTML is data for a program, not a page. Under the
 * client app's policy, markup that slipped past escaping could still load our
 * own scripts (`script-src 'self'`) and inline styles; this policy allows
 * nothing, not even being framed.
 */
const API_HTML_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export function statementRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/statements', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ statements: await listStatements(ctx, user, validate(statementListQuery, req.query)) })
  })

  router.post('/statements', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createStatement(ctx, user, validate(createStatementBody, req.body)))
  })

  router.get('/statements/:id', async (req, res) => {
    res.json(await getStatement(ctx, requireAuth(req).user, req.params.id))
  })

  router.patch('/statements/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await updateStatement(ctx, user, req.params.id, validate(updateStatementBody, req.body)))
  })

  router.get('/statements/:id/content', async (req, res) => {
    const { user } = requireAuth(req)
    const { format } = validate(contentQuery, req.query)
    const statement = await findReadableStatement(ctx, user, req.params.id)
    const rendered = await ctx.documents.withDocument(statement.id, renderDocument)
    res.setHeader('Cache-Control', 'no-store')
    if (format === 'text') res.type('text/plain; charset=utf-8').send(rendered.text)
    else if (format === 'html') res.setHeader('Content-Security-Policy', API_HTML_CSP).type('text/html; charset=utf-8').send(rendered.html)
    else res.json(rendered.json)
  })

  return router
}
