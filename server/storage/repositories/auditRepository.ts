import type { AuditEntry } from '../../../shared/domain/audit.js'
import type { AuditRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

/**
 * Appends go through the collection's serialised mutation and land at the end,
 * so a statement's entries are listed in the order they were appended.
 */
export function createAuditRepository(collection: Collection<AuditEntry>): AuditRepository {
  const table = new Table(collection)
  return {
    append: (entry) => table.create(entry),
    list: (statementId) => table.filter((entry) => entry.statementId === statementId),
  }
}
