import { Router } from 'express'
import { acceptInvitationBody, createInvitationBody } from '../../../shared/api/invitations.js'
import { describeUser } from '../../services/accounts.js'
import type { ServiceContext } from '../../services/context.js'
import { acceptInvitation, createInvitation, listInvitations, previewInvitation } from '../../services/invitations.js'
import { endSession, startSession } from '../../services/sessions.js'
import { requireAuth } from '../authentication.js'
import { setSessionCookie, type CookiePolicy } from '../sessionCookie.js'
import { validate } from '../validate.js'

export function invitationRoutes(ctx: ServiceContext, cookies: CookiePolicy): Router {
  const router = Router()

  router.get('/invitations', async (req, res) => {
    res.json({ invitations: await listInvitations(ctx, requireAuth(req).user) })
  })

  router.post('/invitations', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createInvitation(ctx, user, validate(createInvitationBody, req.body)))
  })

  router.get('/invitations/:token', async (req, res) => {
    res.json(await previewInvitation(ctx, req.params.token))
  })

  router.post('/invitations/:token/accept', async (req, res) => {
    const user = await acceptInvitation(ctx, req.params.token, validate(acceptInvitationBody, req.body))
    if (req.auth) await endSession(ctx, req.auth.session.id)
    const { token } = await startSession(ctx, user.id)
    setSessionCookie(res, token, cookies)
    res.status(201).json(await describeUser(ctx, user))
  })

  return router
}
