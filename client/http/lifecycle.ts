import type { StatementDto } from '../../shared/api/dto.js'
import type { UnlockBody } from '../../shared/api/lifecycle.js'
import type { AuditEntryDto, FingerprintDto, LockResultDto } from '../../shared/api/responses.js'
import { api, segment } from './request.js'

export type { AuditEntryDto, FingerprintDto, LockResultDto } from '../../shared/api/responses.js'

const base = (statementId: string) => `/api/statements/${segment(statementId)}`

export const lifecycleApi = {
  lock: (statementId: string) => api.post<LockResultDto>(`${base(statementId)}/lock`),
  unlock: (statementId: string, body: UnlockBody) => api.post<StatementDto>(`${base(statementId)}/unlock`, body),
  close: (statementId: string) => api.post<StatementDto>(`${base(statementId)}/close`),
  fingerprint: (statementId: string, signal?: AbortSignal) => api.get<FingerprintDto>(`${base(statementId)}/fingerprint`, { signal }),
  audit: (statementId: string, signal?: AbortSignal) => api.get<{ entries: AuditEntryDto[] }>(`${base(statementId)}/audit`, { signal }),
}
