import type { EndorseBody } from '../../shared/api/endorsements.js'
import type { EndorsementDto, EndorsementListDto, PublicEndorsementDto } from '../../shared/api/responses.js'
import { api, segment } from './request.js'

export type { EndorsementCountsDto, EndorsementDto, EndorsementListDto, PublicEndorsementDto } from '../../shared/api/responses.js'

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
