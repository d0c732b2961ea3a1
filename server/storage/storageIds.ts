import { InvalidStatementIdError, InvalidVersionIdError } from './storageErrors.js'

/**
 * Statement and version ids become file and directory names (documents/<id>.log,
 * versions/<statementId>/<versionId>.json), so an id must never carry a path
 * separator, `..` or anything a filesystem treats specially. Ids are
 * server-generated; this is the second line of defence.
 */
const STORAGE_ID = /^[A-Za-z0-9_-]{1,64}$/

function isStorageId(id: unknown): id is string {
  return typeof id === 'string' && STORAGE_ID.test(id)
}

export function assertStatementId(statementId: string): void {
  if (!isStorageId(statementId)) throw new InvalidStatementIdError(String(statementId))
}

export function assertVersionId(versionId: string): void {
  if (!isStorageId(versionId)) throw new InvalidVersionIdError(String(versionId))
}
