import { InvalidStatementIdError } from './storageErrors.js'

/**
 * Document files are named after the statement id, so the id must never carry
 * a path separator, `..` or anything a filesystem treats specially. Ids are
 * server-generated; this is the second line of defence.
 */
const STATEMENT_ID = /^[A-Za-z0-9_-]{1,64}$/

export function assertStatementId(statementId: string): void {
  if (typeof statementId !== 'string' || !STATEMENT_ID.test(statementId)) {
    throw new InvalidStatementIdError(String(statementId))
  }
}
