import type { WorkingGroup } from '../../../shared/domain/workingGroup.js'
import type { WorkingGroupRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { foldCase, Table } from './table.js'

export function createWorkingGroupRepository(collection: Collection<WorkingGroup>): WorkingGroupRepository {
  // Two groups with one name would make "the working group" visibility ambiguous in every list.
  const table = new Table(collection, [
    {
      field: 'name',
      key: (group) => foldCase(group.name),
      message: (group) => `A working group named "${group.name}" already exists`,
    },
  ])
  return {
    list: () => table.list(),
    get: (id) => table.get(id),
    create: (group) => table.create(group),
    update: (id, patch) => table.update(id, patch),
  }
}
