import { Router } from 'express'
import { createForumBody, updateForumBody } from '../../../shared/api/forums.js'
import type { ServiceContext } from '../../services/context.js'
import { createForum, listForums, updateForum } from '../../services/forums.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function forumRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/forums', async (req, res) => {
    res.json({ forums: await listForums(ctx, requireAuth(req).user) })
  })

  router.post('/forums', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createForum(ctx, user, validate(createForumBody, req.body)))
  })

  router.patch('/forums/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await updateForum(ctx, user, req.params.id, validate(updateForumBody, req.body)))
  })

  return router
}
