import type { OrganizationDto } from '../../../shared/api/dto.js'

/** Organisation id → display name, for tables that only carry ids. */
export function organizationNames(organizations: OrganizationDto[]): (id: string) => string {
  const names = new Map(organizations.map((organization) => [organization.id, organization.shortName ?? organization.name]))
  return (id) => names.get(id) ?? 'Unknown organisation'
}
