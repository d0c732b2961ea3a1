import { rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { syncDirectory, syncFile } from '../files/fsync.js'
import { waitWhileMetaHeld } from '../files/metaHold.js'
import type { Collection } from '../repositories/collection.js'
import { SerialQueue } from '../serialQueue.js'
import { StorageUnavailableError } from '../storageErrors.js'
import { COLLECTION_FILE_VERSION, readCollectionFile, type CollectionFile } from './collectionFile.js'

/**
 * One collection in one lowdb JSON file, rewritten whole on every change.
 *
 * lowdb writes atomically (temp file + rename) but does not fsync; the port promises
 * that a settled write has reached the disk, so each write is followed by an fsync
 * of the file and of its directory. (A crash between lowdb's rename and that fsync
 * can, on filesystems without ext4's rename-replace flush, leave an empty file; the
 * next open then refuses it by name instead of starting empty.)
 * Readers only ever see `committed`, which changes
 * after the write succeeded: a failed write leaves memory agreeing with the disk.
 *
 * `existing` is the already checked content (from readCollectionFile), or null to
 * create the file empty.
 */
export async function openLowdbCollection<T extends { id: string }>(path: string, existing: T[] | null): Promise<Collection<T>> {
  const db = new Low<CollectionFile<T>>(new JSONFile(path), { version: COLLECTION_FILE_VERSION, items: existing ?? [] })
  let committed: readonly T[] = existing ?? []
  const queue = new SerialQueue()
  let closed = false

  const writeDurably = async (records: T[]): Promise<void> => {
    // A backup reading the metadata asked for a pause (see metaHold.ts).
    await waitWhileMetaHeld(dirname(path))
    db.data = { version: COLLECTION_FILE_VERSION, items: records }
    await db.write()
    await syncFile(path)
    await syncDirectory(dirname(path))
  }

  if (existing === null) await writeDurably([])

  /**
   * After a failed write the disk holds either the old file (the temp write or the
   * rename failed) or the new one (only the fsync failed). Reading it back tells
   * which; if even that fails the previous records are the best guess.
   */
  const recoverFromFailedWrite = async (): Promise<void> => {
    // lowdb's half-written temp file (steno names it `.<file>.tmp`) is never read, but on a full disk its space is wanted back.
    await rm(join(dirname(path), `.${basename(path)}.tmp`), { force: true }).catch(() => undefined)
    try {
      committed = (await readCollectionFile<T>(path)) ?? committed
    } catch {
      // Keep `committed`: the file is unreadable now, and the next open will say so.
    }
  }

  return {
    snapshot: () => committed,
    mutate: (change) => {
      // Checked when the mutation is asked for, not when it runs: close() waits for those already queued.
      if (closed) return Promise.reject(new StorageUnavailableError(`Storage is closed: cannot write ${path}`))
      return queue.run(async () => {
        const { records, result } = change(committed)
        if (records === null) return result
        try {
          await writeDurably(records)
        } catch (error) {
          await recoverFromFailedWrite()
          throw new StorageUnavailableError(`Could not write ${path}: ${(error as Error).message}`, { cause: error })
        }
        committed = records
        return result
      })
    },
    close: async () => {
      closed = true
      await queue.idle()
    },
  }
}
