import type { CreateVersionBody } from '../../shared/api/versions.js'
import type { DiffDto, VersionDto, VersionWithContentDto } from '../../shared/api/responses.js'
import { api, segment } from './request.js'

export { CURRENT_TEXT } from '../../shared/api/responses.js'
export type { DiffDto, VersionDto, VersionWithContentDto } from '../../shared/api/responses.js'

/** A version id, or the text as it is now. */
export type CompareTarget = string
const base = (statementId: string) => `/api/statements/${segment(statementId)}`

export const versionsApi = {
  list: (statementId: string, signal?: AbortSignal) => api.get<{ versions: VersionDto[] }>(`${base(statementId)}/versions`, { signal }),
  create: (statementId: string, body: CreateVersionBody) => api.post<VersionDto>(`${base(statementId)}/versions`, body),
  get: (statementId: string, versionId: string, signal?: AbortSignal) =>
    api.get<VersionWithContentDto>(`${base(statementId)}/versions/${segment(versionId)}`, { signal }),
  restore: (statementId: string, versionId: string) => api.post<VersionDto>(`${base(statementId)}/versions/${segment(versionId)}/restore`),
  diff: (statementId: string, from: string, to: CompareTarget, signal?: AbortSignal) =>
    api.get<DiffDto>(`${base(statementId)}/diff?${new URLSearchParams({ from, to }).toString()}`, { signal }),
}
