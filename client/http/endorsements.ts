import type { EndorseBody } from '../../shared/api/endorsements.js'
import type { Endorsement } from '../../shared/domain/endorsement.js'
import type { DuplicateReason } from '../../shared/signoff/duplicates.js'
import { api, segment } from './request.js'

/**
 * The server's endorsement answers. Declared in server/services/endorsements.ts,
 * which the client may not import; repeated here until they move to shared/api/.
 */
export interface EndorsementDto extends Endorsement {
  /** Given for an earlier locked text than the current one. */
  stale: boolean
  /** For coordinators, on pending outside endorsements: why this may be someone already on the list. */
  duplicateReasons: DuplicateReason[]
}

/** What members see of other organisations' endorsements: the organisation, never the person or contact details. */
export interface PublicEndorsementDto {
  id: string
  source: Endorsement['source']
  organization: Pick<Endorsement['organization'], 'name' | 'country' | 'ecosocStatus' | 'website'>
  confirmedAt: string
  stale: boolean
}

export interface EndorsementCountsDto {
  /** Approved endorsements of the current locked text, confidential ones included. */
  current: number
  confidential: number
  /** Approved, but for an earlier text. */
  stale: number
  /** Outside organisations waiting for a coordinator; always 0 for members. */
  pending: number
}

export interface EndorsementListDto {
  /** Coordinators and admins get every endorsement in full; members the public view of approved, named ones. */
  endorsements: (EndorsementDto | PublicEndorsementDto)[]
  /** The caller's organisation's active endorsement, in full; null if none. */
  mine: EndorsementDto | null
  counts: EndorsementCountsDto
}

/** The full view carries a status; the public view does not. */
export function isFullEndorsement(endorsement: EndorsementDto | PublicEndorsementDto): endorsement is EndorsementDto {
  return 'status' in endorsement
}

const base = (statementId: string) => `/api/statements/${segment(statementId)}/endorsements`

export const endorsementsApi = {
  list: (statementId: string, signal?: AbortSignal) => api.get<EndorsementListDto>(base(statementId), { signal }),
  endorse: (statementId: string, body: EndorseBody) => api.post<EndorsementDto>(base(statementId), body),
  withdraw: (statementId: string, endorsementId: string) => api.delete(`${base(statementId)}/${segment(endorsementId)}`),
  confirm: (statementId: string, endorsementId: string) => api.post<EndorsementDto>(`${base(statementId)}/${segment(endorsementId)}/confirm`),
  approve: (statementId: string, endorsementId: string) => api.post<EndorsementDto>(`${base(statementId)}/${segment(endorsementId)}/approve`),
  reject: (statementId: string, endorsementId: string) => api.post<EndorsementDto>(`${base(statementId)}/${segment(endorsementId)}/reject`),
}
