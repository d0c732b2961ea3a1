import type { Statement } from '../../../shared/domain/statement.js'
import type { StatementRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

/**
 * Fields added after statements were first stored (issue 7: meetings, agenda items, working
 * groups, the submitting organisation). A record written before has none of them and loads
 * with null, like a nullable column a database migration adds; the next write stores them.
 */
const FIELDS_ADDED_LATER = {
  meetingId: null,
  agendaItemId: null,
  workingGroupId: null,
  submittingOrganizationId: null,
} as const satisfies Partial<Statement>

function withCurrentFields(stored: Statement): Statement {
  return { ...FIELDS_ADDED_LATER, ...stored }
}

export function createStatementRepository(collection: Collection<Statement>): StatementRepository {
  const table = new Table(collection)
  return {
    list: async () => (await table.list()).map(withCurrentFields),
    get: async (id) => {
      const statement = await table.get(id)
      return statement && withCurrentFields(statement)
    },
    create: async (statement) => withCurrentFields(await table.create(statement)),
    update: async (id, patch) => {
      const updated = await table.update(id, patch)
      return updated && withCurrentFields(updated)
    },
  }
}
