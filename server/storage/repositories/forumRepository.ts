import type { Forum } from '../../../shared/domain/forum.js'
import type { ForumRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createForumRepository(collection: Collection<Forum>): ForumRepository {
  const table = new Table(collection)
  return {
    list: () => table.list(),
    get: (id) => table.get(id),
    create: (forum) => table.create(forum),
    update: (id, patch) => table.update(id, patch),
  }
}
