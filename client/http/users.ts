import type { UserDto } from '../../shared/api/dto.js'
import type { UpdateUserBody } from '../../shared/api/users.js'
import { api, segment } from './request.js'

export const usersApi = {
  list: (signal?: AbortSignal) => api.get<{ users: UserDto[] }>('/api/users', { signal }),
  update: (id: string, change: UpdateUserBody) => api.patch<UserDto>(`/api/users/${segment(id)}`, change),
}
