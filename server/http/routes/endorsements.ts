import { Router } from 'express'
import { createSignonLinkBody, endorseBody } from '../../../shared/api/endorsements.js'
import type { ServiceContext } from '../../services/context.js'
import { confirmEndorsement, decideEndorsement, listEndorsements, recordEndorsement, withdrawEndorsement } from '../../services/endorsements.js'
import { createSignonLink, listSignonLinks, revokeSignonLink } from '../../services/signonLinks.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function endorsementRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/statements/:id/endorsements', async (req, res) => {
    res.json(await listEndorsements(ctx, requireAuth(req).user, req.params.id))
  })

  router.post('/statements/:id/endorsements', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await recordEndorsement(ctx, user, req.params.id, validate(endorseBody, req.body)))
  })

  router.delete('/statements/:id/endorsements/:endorsementId', async (req, res) => {
    await withdrawEndorsement(ctx, requireAuth(req).user, req.params.id, req.params.endorsementId)
    res.status(204).end()
  })

  router.post('/statements/:id/endorsements/:endorsementId/confirm', async (req, res) => {
    res.json(await confirmEndorsement(ctx, requireAuth(req).user, req.params.id, req.params.endorsementId))
  })

  router.post('/statements/:id/endorsements/:endorsementId/approve', async (req, res) => {
    res.json(await decideEndorsement(ctx, requireAuth(req).user, req.params.id, req.params.endorsementId, 'approved'))
  })

  router.post('/statements/:id/endorsements/:endorsementId/reject', async (req, res) => {
    res.json(await decideEndorsement(ctx, requireAuth(req).user, req.params.id, req.params.endorsementId, 'rejected'))
  })

  router.get('/statements/:id/signon-links', async (req, res) => {
    res.json({ links: await listSignonLinks(ctx, requireAuth(req).user, req.params.id) })
  })

  router.post('/statements/:id/signon-links', async (req, res) => {
    const { user } = requireAuth(req)
    const { expiresInDays } = validate(createSignonLinkBody, req.body)
    res.status(201).json(await createSignonLink(ctx, user, req.params.id, expiresInDays))
  })

  router.delete('/statements/:id/signon-links/:token', async (req, res) => {
    await revokeSignonLink(ctx, requireAuth(req).user, req.params.id, req.params.token)
    res.status(204).end()
  })

  return router
}
