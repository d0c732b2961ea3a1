import type { Version, VersionContent } from '../../../shared/domain/version.js'
import { StorageConflictError, type VersionRepository } from '../ports.js'
import { KeyedSerialQueue } from '../serialQueue.js'
import { assertStatementId, assertVersionId } from '../storageIds.js'
import { StorageUnavailableError } from '../storageErrors.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'
import type { VersionContentStore } from './versionContentStore.js'

export interface ClosableVersionRepository extends VersionRepository {
  /** Refuses further creates, waits for those under way (content and summary), then closes the content store. */
  close(): Promise<void>
}

/**
 * Version summaries in a Collection, contents in a VersionContentStore.
 *
 * Lookups take ids as they come (from URLs, say) and find nothing for an id that
 * no version can have; only `create` refuses ids that could not be file names.
 */
export function createVersionRepository(collection: Collection<Version>, contents: VersionContentStore): ClosableVersionRepository {
  const table = new Table(collection)
  // Creates of one id run one at a time, so that "this id is free" still holds when
  // the content is written: otherwise a second create with a taken id would
  // overwrite the first version's content before failing on the summary.
  const creates = new KeyedSerialQueue()
  let closed = false

  const summaryExists = (versionId: string, statementId?: string): boolean =>
    collection.snapshot().some((version) => version.id === versionId && (statementId === undefined || version.statementId === statementId))

  return {
    list: async (statementId) => {
      const versions = await table.filter((version) => version.statementId === statementId)
      return versions.sort((a, b) => b.number - a.number)
    },

    get: (statementId, versionId) => table.find((version) => version.id === versionId && version.statementId === statementId),

    latest: async (statementId) => {
      let latest: Version | null = null
      for (const version of collection.snapshot()) {
        if (version.statementId === statementId && (latest === null || version.number > latest.number)) latest = version
      }
      return latest === null ? null : structuredClone(latest)
    },

    create: async (version, content) => {
      assertStatementId(version.statementId)
      assertVersionId(version.id)
      // Checked when the create is asked for: close() waits for those already asked for.
      if (closed) throw new StorageUnavailableError('Storage is closed: cannot create versions')
      const summary = structuredClone(version)
      const storedContent = jsonCopy(content)
      return creates.run(summary.id, async () => {
        if (summaryExists(summary.id)) throw idConflict(summary.id)
        // Content first: a crash before the summary leaves an unlisted content, never a listed version without one.
        await contents.write(summary.statementId, summary.id, storedContent)
        // Numbered inside the serialised mutation, where concurrent creates for one statement see each other.
        return collection.mutate((versions) => {
          if (versions.some((existing) => existing.id === summary.id)) throw idConflict(summary.id)
          const created: Version = { ...summary, number: nextNumber(versions, summary.statementId) }
          return { records: [...versions, created], result: structuredClone(created) }
        })
      })
    },

    content: async (statementId, versionId) => (summaryExists(versionId, statementId) ? contents.read(statementId, versionId) : null),

    close: async () => {
      closed = true
      await creates.idle()
      await contents.close()
    },
  }
}

function nextNumber(versions: readonly Version[], statementId: string): number {
  let highest = 0
  for (const version of versions) if (version.statementId === statementId && version.number > highest) highest = version.number
  return highest + 1
}

function idConflict(versionId: string): StorageConflictError {
  return new StorageConflictError('id', `A version with id ${versionId} already exists`)
}

/**
 * The content as JSON keeps it: what every adapter returns, so the memory adapter
 * cannot hand back a Date or an `undefined` that a file would have lost. Also the
 * copy that keeps the caller's object out of storage, and made before anything is
 * written, so content that is not JSON (a BigInt, a cycle) fails the create early.
 */
function jsonCopy(content: VersionContent): VersionContent {
  const copy: unknown = JSON.parse(JSON.stringify(content) ?? 'null')
  if (typeof copy !== 'object' || copy === null || !('json' in copy)) {
    throw new TypeError('A version content must be an object with a JSON value in `json`')
  }
  return copy as VersionContent
}
