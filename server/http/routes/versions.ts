import { Router } from 'express'
import { createVersionBody, diffQuery } from '../../../shared/api/versions.js'
import type { ServiceContext } from '../../services/context.js'
import { diffVersions, getVersion, listVersions, nameVersion, restoreVersion } from '../../services/versions.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function versionRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/statements/:id/versions', async (req, res) => {
    res.json({ versions: await listVersions(ctx, requireAuth(req).user, req.params.id) })
  })

  router.post('/statements/:id/versions', async (req, res) => {
    const { user } = requireAuth(req)
    const { label } = validate(createVersionBody, req.body)
    res.status(201).json(await nameVersion(ctx, user, req.params.id, label))
  })

  router.get('/statements/:id/versions/:versionId', async (req, res) => {
    res.json(await getVersion(ctx, requireAuth(req).user, req.params.id, req.params.versionId))
  })

  router.post('/statements/:id/versions/:versionId/restore', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await restoreVersion(ctx, user, req.params.id, req.params.versionId))
  })

  router.get('/statements/:id/diff', async (req, res) => {
    const { user } = requireAuth(req)
    const { from, to } = validate(diffQuery, req.query)
    res.json(await diffVersions(ctx, user, req.params.id, from, to))
  })

  return router
}
