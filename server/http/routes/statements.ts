import { Router } from 'express'
import { contentQuery, createStatementBody, statementListQuery, updateStatementBody } from '../../../shared/api/statements.js'
import { renderDocument } from '../../render/documentRenderer.js'
import type { ServiceContext } from '../../services/context.js'
import { createStatement, findReadableStatement, getStatement, listStatements, updateStatement } from '../../services/statements.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

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
    else if (format === 'html') res.type('text/html; charset=utf-8').send(rendered.html)
    else res.json(rendered.json)
  })

  return router
}
