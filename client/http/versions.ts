import type { CreateVersionBody } from '../../shared/api/versions.js'
import type { Version } from '../../shared/domain/version.js'
import type { TextDiff } from '../../shared/text/wordDiff.js'
import { api, segment } from './request.js'

/**
 * The server's version answers. These DTOs are declared in server/services/versions.ts,
 * which the client may not import; they are repeated here until they move to shared/api/.
 */
export interface VersionDto extends Version {
  createdByName: string | null
  authorNames: string[]
  organizationNames: string[]
}

export interface VersionWithContentDto extends VersionDto {
  /** `json` is ProseMirror JSON of the statement schema; `text` the canonical text; `html` rendered by the server. */
  content: { text: string; html: string; json: unknown }
}

/** A version id, or the text as it is now. */
export type CompareTarget = string
export const CURRENT_TEXT = 'current'

export interface DiffDto extends TextDiff {
  from: { versionId: string; number: number }
  to: { versionId: string; number: number } | { versionId: typeof CURRENT_TEXT }
}

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
