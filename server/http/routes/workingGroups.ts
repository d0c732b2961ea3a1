import { Router } from 'express'
import { createWorkingGroupBody, updateWorkingGroupBody } from '../../../shared/api/workingGroups.js'
import type { ServiceContext } from '../../services/context.js'
import { createWorkingGroup, listWorkingGroups, updateWorkingGroup } from '../../services/workingGroups.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function workingGroupRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/working-groups', async (req, res) => {
    res.json({ workingGroups: await listWorkingGroups(ctx, requireAuth(req).user) })
  })

  router.post('/working-groups', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createWorkingGroup(ctx, user, validate(createWorkingGroupBody, req.body)))
  })

  router.patch('/working-groups/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await updateWorkingGroup(ctx, user, req.params.id, validate(updateWorkingGroupBody, req.body)))
  })

  return router
}
