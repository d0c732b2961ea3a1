import type { SignonLinkDto } from '../../shared/api/responses.js'
import { api, segment } from './request.js'

export type { SignonLinkDto } from '../../shared/api/responses.js'

const base = (statementId: string) => `/api/statements/${segment(statementId)}/signon-links`

export const signonLinksApi = {
  list: (statementId: string, signal?: AbortSignal) => api.get<{ links: SignonLinkDto[] }>(base(statementId), { signal }),
  create: (statementId: string, body: { expiresInDays: number }) => api.post<SignonLinkDto>(base(statementId), body),
  revoke: (statementId: string, token: string) => api.delete(`${base(statementId)}/${segment(token)}`),
}
