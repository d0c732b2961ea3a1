import type { ExternalSignonBody } from '../../shared/api/endorsements.js'
import type { PublicSignonDto } from '../../shared/api/responses.js'
import { api, segment } from './request.js'

export type { PublicSignonDto } from '../../shared/api/responses.js'

/** No session needed: the token in the link is the permission to submit (never to approve). */
export const publicSignonApi = {
  view: (token: string, signal?: AbortSignal) => api.get<PublicSignonDto>(`/api/public/signon/${segment(token)}`, { signal }),
  submit: (token: string, body: ExternalSignonBody) => api.post<{ status: 'pending' }>(`/api/public/signon/${segment(token)}`, body),
}
