import { Router } from 'express'
import { createOrganizationBody } from '../../../shared/api/organizations.js'
import { updateUserBody } from '../../../shared/api/users.js'
import type { ServiceContext } from '../../services/context.js'
import { createOrganization, listOrganizations } from '../../services/organizations.js'
import { listUsers, updateUser } from '../../services/users.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function organizationRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/organizations', async (req, res) => {
    res.json({ organizations: await listOrganizations(ctx, requireAuth(req).user) })
  })

  router.post('/organizations', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createOrganization(ctx, user, validate(createOrganizationBody, req.body)))
  })

  router.get('/users', async (req, res) => {
    res.json({ users: await listUsers(ctx, requireAuth(req).user) })
  })

  router.patch('/users/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await updateUser(ctx, user, req.params.id, validate(updateUserBody, req.body)))
  })

  return router
}
