import type { CreateForumBody, UpdateForumBody } from '../../shared/api/forums.js'
import type { Forum } from '../../shared/domain/forum.js'
import { api, segment } from './request.js'

export const forumsApi = {
  list: (signal?: AbortSignal) => api.get<{ forums: Forum[] }>('/api/forums', { signal }),
  create: (body: CreateForumBody) => api.post<Forum>('/api/forums', body),
  update: (id: string, body: UpdateForumBody) => api.patch<Forum>(`/api/forums/${segment(id)}`, body),
}
