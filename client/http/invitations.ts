import type { AcceptInvitationBody, CreateInvitationBody } from '../../shared/api/invitations.js'
import type { InvitationCreatedDto, InvitationDto, InvitationPreviewDto, MeDto } from '../../shared/api/dto.js'
import { api, segment } from './request.js'

export const invitationsApi = {
  list: (signal?: AbortSignal) => api.get<{ invitations: InvitationDto[] }>('/api/invitations', { signal }),
  create: (body: CreateInvitationBody) => api.post<InvitationCreatedDto>('/api/invitations', body),
  preview: (token: string, signal?: AbortSignal) =>
    api.get<InvitationPreviewDto>(`/api/invitations/${segment(token)}`, { signal }),
  accept: (token: string, body: AcceptInvitationBody) =>
    api.post<MeDto>(`/api/invitations/${segment(token)}/accept`, body),
}
