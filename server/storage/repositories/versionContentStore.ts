import type { VersionContent } from '../../../shared/domain/version.js'

/**
 * Where version contents live, apart from the version summaries (a Collection):
 * listing versions must never read a content, and a content is written once and
 * read rarely, so it does not belong in a collection file that is rewritten whole
 * on every change. The version repository owns the rules (ids, numbering, the
 * order "content first, then summary"); a store only keeps bytes safe.
 */
export interface VersionContentStore {
  /**
   * Stores the content durably under (statementId, versionId), replacing any
   * unlisted leftover of an earlier attempt. `content` is the repository's own
   * JSON-normalised copy. Rejects with INVALID_STATEMENT_ID / INVALID_VERSION_ID
   * for ids that could not be file names, STORAGE_UNAVAILABLE when it cannot write.
   */
  write(statementId: string, versionId: string, content: VersionContent): Promise<void>
  /**
   * The stored content, as a fresh copy. Only asked for versions whose summary
   * exists, so a missing or unreadable content is damage: STORAGE_CORRUPT naming
   * where it should be.
   */
  read(statementId: string, versionId: string): Promise<VersionContent>
  /** Refuses further writes, then waits for the ones under way. */
  close(): Promise<void>
}
