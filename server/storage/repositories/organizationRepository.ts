import type { Organization } from '../../../shared/domain/organization.js'
import type { OrganizationRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { foldCase, Table } from './table.js'

export function createOrganizationRepository(collection: Collection<Organization>): OrganizationRepository {
  const table = new Table(collection, [
    {
      field: 'name',
      key: (organization) => foldCase(organization.name),
      message: (organization) => `An organisation named "${organization.name}" already exists`,
    },
  ])
  return {
    list: () => table.list(),
    get: (id) => table.get(id),
    create: (organization) => table.create(organization),
    update: (id, patch) => table.update(id, patch),
  }
}
