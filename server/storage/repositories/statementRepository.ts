import type { Statement } from '../../../shared/domain/statement.js'
import type { StatementRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createStatementRepository(collection: Collection<Statement>): StatementRepository {
  const table = new Table(collection)
  return {
    list: () => table.list(),
    get: (id) => table.get(id),
    create: (statement) => table.create(statement),
    update: (id, patch) => table.update(id, patch),
  }
}
