import type { ExternalSignonBody } from '../../shared/api/endorsements.js'
import type { StatementKind } from '../../shared/domain/statement.js'
import { api, segment } from './request.js'

/** What the holder of a sign-on link sees. Declared in server/services/signonLinks.ts. */
export interface PublicSignonDto {
  statement: {
    title: string
    forum: string
    kind: StatementKind
    versionNumber: number
    lockedAt: string
    fingerprint: string
    /** The canonical text: one line per block, exactly what the fingerprint identifies. */
    text: string
    html: string
  }
  expiresAt: string
}

/** No session needed: the token in the link is the permission to submit (never to approve). */
export const publicSignonApi = {
  view: (token: string, signal?: AbortSignal) => api.get<PublicSignonDto>(`/api/public/signon/${segment(token)}`, { signal }),
  submit: (token: string, body: ExternalSignonBody) => api.post<{ status: 'pending' }>(`/api/public/signon/${segment(token)}`, body),
}
