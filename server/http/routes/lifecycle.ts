import { Router } from 'express'
import { unlockBody } from '../../../shared/api/lifecycle.js'
import { listAudit } from '../../services/audit.js'
import type { ServiceContext } from '../../services/context.js'
import { closeStatement, currentFingerprint, lockStatement, unlockStatement } from '../../services/lifecycle.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function lifecycleRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.post('/statements/:id/lock', async (req, res) => {
    res.json(await lockStatement(ctx, requireAuth(req).user, req.params.id))
  })

  router.post('/statements/:id/unlock', async (req, res) => {
    const { user } = requireAuth(req)
    const { reason } = validate(unlockBody, req.body)
    res.json(await unlockStatement(ctx, user, req.params.id, reason))
  })

  router.post('/statements/:id/close', async (req, res) => {
    res.json(await closeStatement(ctx, requireAuth(req).user, req.params.id))
  })

  router.get('/statements/:id/fingerprint', async (req, res) => {
    res.json(await currentFingerprint(ctx, requireAuth(req).user, req.params.id))
  })

  router.get('/statements/:id/audit', async (req, res) => {
    res.json({ entries: await listAudit(ctx, requireAuth(req).user, req.params.id) })
  })

  return router
}
