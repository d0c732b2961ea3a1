import type { StatementDto } from '../../shared/api/dto.js'
import type { UnlockBody } from '../../shared/api/lifecycle.js'
import type { AuditEntry } from '../../shared/domain/audit.js'
import type { StatementStatus } from '../../shared/domain/statement.js'
import { api, segment } from './request.js'

/**
 * Answers of the lifecycle and audit routes. Declared by the server in
 * server/services/lifecycle.ts and audit.ts, which the client may not import.
 */
export interface LockResultDto {
  status: 'locked'
  fingerprint: string
  version: { id: string; number: number; label: string | null; createdAt: string; fingerprint: string; wordCount: number }
}

export interface FingerprintDto {
  fingerprint: string
  wordCount: number
  status: StatementStatus
  lockedFingerprint: string | null
}

export interface AuditEntryDto extends AuditEntry {
  /** Null for the system or an account that no longer exists. */
  actorName: string | null
}

const base = (statementId: string) => `/api/statements/${segment(statementId)}`

export const lifecycleApi = {
  lock: (statementId: string) => api.post<LockResultDto>(`${base(statementId)}/lock`),
  unlock: (statementId: string, body: UnlockBody) => api.post<StatementDto>(`${base(statementId)}/unlock`, body),
  close: (statementId: string) => api.post<StatementDto>(`${base(statementId)}/close`),
  fingerprint: (statementId: string, signal?: AbortSignal) => api.get<FingerprintDto>(`${base(statementId)}/fingerprint`, { signal }),
  audit: (statementId: string, signal?: AbortSignal) => api.get<{ entries: AuditEntryDto[] }>(`${base(statementId)}/audit`, { signal }),
}
