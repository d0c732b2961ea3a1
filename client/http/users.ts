import type { UserDto } from '../../shared/api/dto.js'
import { api } from './request.js'

export const usersApi = {
  list: (signal?: AbortSignal) => api.get<{ users: UserDto[] }>('/api/users', { signal }),
}
