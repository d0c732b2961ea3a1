import { organizationsApi } from '../../http/organizations.js'
import { useResource } from '../../http/useResource.js'

/** The member organisations, for choosing drafters; null until loaded. */
export function useOrganizationOptions() {
  const { resource } = useResource('organizations', (signal) => organizationsApi.list(signal))
  return {
    organizations: resource.status === 'ready' ? resource.data.organizations : null,
    error: resource.status === 'error' ? resource.error : null,
  }
}
