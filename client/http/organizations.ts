import type { CreateOrganizationBody } from '../../shared/api/organizations.js'
import type { OrganizationDto } from '../../shared/api/dto.js'
import { api } from './request.js'

export const organizationsApi = {
  list: (signal?: AbortSignal) => api.get<{ organizations: OrganizationDto[] }>('/api/organizations', { signal }),
  create: (body: CreateOrganizationBody) => api.post<OrganizationDto>('/api/organizations', body),
}
