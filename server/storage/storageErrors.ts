/**
 * Errors the storage adapters throw besides `StorageConflictError` (ports.ts).
 * Each carries a stable `code` so callers can tell them apart without `instanceof`
 * across module copies; `STORAGE_UNAVAILABLE` is the code the HTTP error handler maps to 503.
 */

/** Stored data exists but cannot be trusted: the caller must not serve it or save over it. */
export class StorageCorruptError extends Error {
  readonly code = 'STORAGE_CORRUPT'
  constructor(readonly path: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StorageCorruptError'
  }
}

/** A write could not reach disk (disk full, I/O error) or storage is closed; retrying later may work. */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE'
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StorageUnavailableError'
  }
}

const ID_RULE = 'expected 1-64 characters of A-Z a-z 0-9 _ -'

/** A statement id that could escape the documents directory or is not one the server generates. */
export class InvalidStatementIdError extends Error {
  readonly code = 'INVALID_STATEMENT_ID'
  constructor(readonly statementId: string) {
    super(`Invalid statement id ${JSON.stringify(statementId.slice(0, 80))}: ${ID_RULE}`)
    this.name = 'InvalidStatementIdError'
  }
}

/** A version id that could escape its statement's versions directory or is not one the server generates. */
export class InvalidVersionIdError extends Error {
  readonly code = 'INVALID_VERSION_ID'
  constructor(readonly versionId: string) {
    super(`Invalid version id ${JSON.stringify(versionId.slice(0, 80))}: ${ID_RULE}`)
    this.name = 'InvalidVersionIdError'
  }
}
