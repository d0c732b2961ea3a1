import type { SignonLink } from '../../shared/domain/endorsement.js'
import { api, segment } from './request.js'

/** Declared in server/services/signonLinks.ts, which the client may not import. */
export interface SignonLinkDto extends SignonLink {
  url: string
  /** Neither revoked nor expired. */
  active: boolean
}

const base = (statementId: string) => `/api/statements/${segment(statementId)}/signon-links`

export const signonLinksApi = {
  list: (statementId: string, signal?: AbortSignal) => api.get<{ links: SignonLinkDto[] }>(base(statementId), { signal }),
  create: (statementId: string, body: { expiresInDays: number }) => api.post<SignonLinkDto>(base(statementId), body),
  revoke: (statementId: string, token: string) => api.delete(`${base(statementId)}/${segment(token)}`),
}
