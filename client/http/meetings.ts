import type { CreateAgendaItemBody, CreateMeetingBody, UpdateMeetingBody } from '../../shared/api/meetings.js'
import type { AgendaItem, Meeting } from '../../shared/domain/meeting.js'
import { api, segment } from './request.js'

export const meetingsApi = {
  /** `upcoming`: only meetings whose last day is today or later (the server's today). */
  list: (options: { upcoming?: boolean } = {}, signal?: AbortSignal) =>
    api.get<{ meetings: Meeting[] }>(options.upcoming ? '/api/meetings?upcoming=true' : '/api/meetings', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Meeting>(`/api/meetings/${segment(id)}`, { signal }),
  create: (body: CreateMeetingBody) => api.post<Meeting>('/api/meetings', body),
  update: (id: string, body: UpdateMeetingBody) => api.patch<Meeting>(`/api/meetings/${segment(id)}`, body),
  agendaItems: (meetingId: string, signal?: AbortSignal) =>
    api.get<{ agendaItems: AgendaItem[] }>(`/api/meetings/${segment(meetingId)}/agenda-items`, { signal }),
  addAgendaItem: (meetingId: string, body: CreateAgendaItemBody) => api.post<AgendaItem>(`/api/meetings/${segment(meetingId)}/agenda-items`, body),
}
