import type { LoginBody, SetupBody } from '../../shared/api/auth.js'
import type { MeDto } from '../../shared/api/dto.js'
import { api } from './request.js'

export const authApi = {
  me: (signal?: AbortSignal) => api.get<MeDto>('/api/me', { signal }),
  login: (body: LoginBody) => api.post<unknown>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  setupNeeded: (signal?: AbortSignal) => api.get<{ needed: boolean }>('/api/setup', { signal }),
  setup: (body: SetupBody) => api.post<MeDto>('/api/setup', body),
}
