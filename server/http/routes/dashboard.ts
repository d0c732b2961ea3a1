import { Router } from 'express'
import type { ServiceContext } from '../../services/context.js'
import { getDashboard } from '../../services/dashboard.js'
import { requireAuth } from '../authentication.js'

export function dashboardRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/dashboard', async (req, res) => {
    res.json(await getDashboard(ctx, requireAuth(req).user))
  })

  return router
}
