import type { CreateWorkingGroupBody, UpdateWorkingGroupBody } from '../../shared/api/workingGroups.js'
import type { WorkingGroup } from '../../shared/domain/workingGroup.js'
import { api, segment } from './request.js'

export const workingGroupsApi = {
  list: (signal?: AbortSignal) => api.get<{ workingGroups: WorkingGroup[] }>('/api/working-groups', { signal }),
  create: (body: CreateWorkingGroupBody) => api.post<WorkingGroup>('/api/working-groups', body),
  update: (id: string, body: UpdateWorkingGroupBody) => api.patch<WorkingGroup>(`/api/working-groups/${segment(id)}`, body),
}
