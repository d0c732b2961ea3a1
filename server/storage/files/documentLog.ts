import { open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentStateStore } from '../ports.js'
import { KeyedSerialQueue } from '../serialQueue.js'
import { assertStatementId } from '../storageIds.js'
import { StorageCorruptError, StorageUnavailableError } from '../storageErrors.js'
import { syncDirectory, writeFileDurably } from './fsync.js'
import { decodeLog, encodeLogRecord } from './logRecords.js'
import { decodeStateFile, encodeStateFile } from './stateFile.js'

export interface DocumentLogOptions {
  /** Told about damage that was repaired rather than refused (a torn last record). Defaults to console.warn. */
  onWarning?: (message: string) => void
}

export interface DocumentLog extends DocumentStateStore {
  /** Refuses new operations, then waits for the running ones. */
  close(): Promise<void>
}

interface DocumentPaths {
  state: string
  stateTemp: string
  log: string
}

/**
 * Yjs state per statement in `<directory>/<id>.state` (a compacted full update behind
 * a checksummed header, see stateFile.ts) plus `<id>.log` (updates appended since, see
 * logRecords.ts).
 *
 * Each append opens the log, writes one record, fdatasyncs and closes it. Keeping a
 * handle open would save an open/close per append, which is noise next to the
 * fdatasync at ~1 append per second per document, and would cost a descriptor per
 * statement ever edited plus the risk of appending to a log that compaction has
 * already unlinked.
 *
 * Operations on one statement run one at a time (an append never interleaves with a
 * compaction); different statements proceed in parallel.
 */
export function createDocumentLog(directory: string, options: DocumentLogOptions = {}): DocumentLog {
  const warn = options.onWarning ?? ((message: string) => console.warn(message))
  const queue = new KeyedSerialQueue()
  // Statements whose log is known to end on a record boundary. Appending after a
  // torn record would bury it mid-log, where it reads as corruption, so the first
  // append of a statement not loaded yet checks (and repairs) the log first.
  const checkedLogs = new Set<string>()
  let closed = false

  const withStatement = <T>(statementId: string, operation: (paths: DocumentPaths) => Promise<T>): Promise<T> => {
    try {
      assertStatementId(statementId)
    } catch (error) {
      return Promise.reject(error)
    }
    if (closed) return Promise.reject(new StorageUnavailableError('Storage is closed: documents are not available'))
    const base = join(directory, statementId)
    return queue.run(statementId, () =>
      operation({ state: `${base}.state`, stateTemp: `${base}.state.tmp`, log: `${base}.log` }),
    )
  }

  const readLog = async (statementId: string, logPath: string): Promise<Uint8Array[]> => {
    const bytes = await readIfExists(logPath)
    if (bytes === null) {
      checkedLogs.add(statementId)
      return []
    }
    const decoded = decodeLog(bytes)
    if (decoded.kind === 'corrupt') {
      throw new StorageCorruptError(
        logPath,
        `Document log ${logPath} is corrupt: the record at byte ${decoded.damagedAt} is damaged and intact records follow it. ` +
          'Not loading this statement; restore the file from a backup.',
      )
    }
    if (decoded.damagedBytes > 0) {
      warn(
        `Document log ${logPath} ended in ${decoded.damagedBytes} bytes of an incomplete record (a crash during a save?). ` +
          `Kept the ${decoded.updates.length} intact records and cut the rest.`,
      )
      await truncateDurably(logPath, decoded.validBytes)
    }
    checkedLogs.add(statementId)
    return decoded.updates
  }

  return {
    load: (statementId) =>
      withStatement(statementId, async (paths) => {
        const file = await readIfExists(paths.state)
        // compact() flushes before it renames and never writes an empty state, so a state
        // file that fails its checksum (or, in the old header-less format, does not decode
        // or is all NULs) is damage from outside: a disk fault, a botched restore. Found here
        // when it happens while the server runs; never read as an empty document, which the
        // next save would then keep.
        const updates: Uint8Array[] = file === null ? [] : [decodeStateFile(paths.state, file)]
        updates.push(...(await readLog(statementId, paths.log)))
        return updates
      }),

    append: (statementId, update) => {
      // Encoded (and so copied) now: the caller may reuse its buffer while this waits in the queue.
      const record = encodeLogRecord(update)
      return withStatement(statementId, async (paths) => {
        if (!checkedLogs.has(statementId)) await readLog(statementId, paths.log)
        try {
          await appendDurably(paths.log, record, directory)
        } catch (error) {
          // Part of the record may be on disk: check the tail again before the next append.
          checkedLogs.delete(statementId)
          throw error
        }
      })
    },

    compact: (statementId, state) => {
      if (state.length === 0) {
        return Promise.reject(new RangeError('compact() needs a full-state update; an empty one would erase the document'))
      }
      // Encoded (and so copied) now, as append() does. Old header-less files become new ones here.
      let bytes: Buffer
      try {
        bytes = encodeStateFile(state)
      } catch (error) {
        return Promise.reject(error)
      }
      return withStatement(statementId, async (paths) => {
        await writeFileDurably(paths.stateTemp, bytes)
        await rename(paths.stateTemp, paths.state)
        await syncDirectory(directory)
        // A crash from here until the log is gone leaves the new state next to the
        // old log, and load() applies both. That is harmless: the state already
        // contains every logged update, and applying a Yjs update twice is a no-op.
        await rm(paths.log, { force: true })
        checkedLogs.add(statementId)
      })
    },

    close: async () => {
      closed = true
      await queue.idle()
    },
  }
}

/** The file's bytes, or null if it does not exist; any other failure names the file. */
async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new StorageCorruptError(path, `Cannot read ${path}: ${(error as Error).message}`, { cause: error })
  }
}

async function appendDurably(path: string, record: Buffer, directory: string): Promise<void> {
  let created = true
  let handle = await open(path, 'ax').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
    return null
  })
  if (handle === null) {
    created = false
    handle = await open(path, 'a')
  }
  try {
    await handle.writeFile(record)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  // fdatasync covers the file's data, not the directory entry of a new file.
  if (created) await syncDirectory(directory)
}

async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
