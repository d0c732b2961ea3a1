import type { DashboardDto } from '../../shared/api/dashboard.js'
import { api } from './request.js'

export const dashboardApi = {
  get: (signal?: AbortSignal) => api.get<DashboardDto>('/api/dashboard', { signal }),
}
