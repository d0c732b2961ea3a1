import { Router } from 'express'
import { createAgendaItemBody, createMeetingBody, meetingListQuery, updateMeetingBody } from '../../../shared/api/meetings.js'
import type { ServiceContext } from '../../services/context.js'
import { createAgendaItem, createMeeting, getMeeting, listAgendaItems, listMeetings, updateMeeting } from '../../services/meetings.js'
import { requireAuth } from '../authentication.js'
import { validate } from '../validate.js'

export function meetingRoutes(ctx: ServiceContext): Router {
  const router = Router()

  router.get('/meetings', async (req, res) => {
    const { user } = requireAuth(req)
    const { forumId, upcoming } = validate(meetingListQuery, req.query)
    res.json({ meetings: await listMeetings(ctx, user, { forumId, upcoming: upcoming === 'true' }) })
  })

  router.post('/meetings', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createMeeting(ctx, user, validate(createMeetingBody, req.body)))
  })

  router.get('/meetings/:id', async (req, res) => {
    res.json(await getMeeting(ctx, requireAuth(req).user, req.params.id))
  })

  router.patch('/meetings/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await updateMeeting(ctx, user, req.params.id, validate(updateMeetingBody, req.body)))
  })

  router.get('/meetings/:id/agenda-items', async (req, res) => {
    res.json({ agendaItems: await listAgendaItems(ctx, requireAuth(req).user, req.params.id) })
  })

  router.post('/meetings/:id/agenda-items', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json(await createAgendaItem(ctx, user, req.params.id, validate(createAgendaItemBody, req.body)))
  })

  return router
}
