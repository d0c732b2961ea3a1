import type { CreateStatementBody, UpdateStatementBody } from '../../shared/api/statements.js'
import type { StatementDto } from '../../shared/api/dto.js'
import type { JsonNode } from '../../shared/text/documentText.js'
import { api, segment } from './request.js'

export const statementsApi = {
  list: (query: string, signal?: AbortSignal) => {
    const search = query.trim() === '' ? '' : `?${new URLSearchParams({ q: query.trim() }).toString()}`
    return api.get<{ statements: StatementDto[] }>(`/api/statements${search}`, { signal })
  },
  get: (id: string, signal?: AbortSignal) => api.get<StatementDto>(`/api/statements/${segment(id)}`, { signal }),
  create: (body: CreateStatementBody) => api.post<StatementDto>('/api/statements', body),
  /** The current text as ProseMirror JSON, as the server's authoritative document holds it now. */
  content: (id: string, signal?: AbortSignal) => api.get<JsonNode>(`/api/statements/${segment(id)}/content?format=json`, { signal }),
  update: (id: string, body: UpdateStatementBody) => api.patch<StatementDto>(`/api/statements/${segment(id)}`, body),
}
