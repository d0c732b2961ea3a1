import { TextFile } from 'lowdb/node'
import { StorageCorruptError } from '../storageErrors.js'

/** What each `<dataDir>/meta/<collection>.json` holds. `version` lets a later release migrate the layout. */
export interface CollectionFile<T> {
  version: 1
  items: T[]
}

export const COLLECTION_FILE_VERSION = 1

/**
 * Reads and checks one collection file; null when it does not exist. Anything else
 * that is not a well-formed collection is an error naming the file: starting empty
 * over a damaged file would make the next write destroy whatever could still be
 * recovered from it. (lowdb's own `read()` cannot be used: it treats a file holding
 * `null` like a missing one.)
 */
export async function readCollectionFile<T>(path: string): Promise<T[] | null> {
  let text: string | null
  try {
    text = await new TextFile(path).read()
  } catch (error) {
    throw new StorageCorruptError(path, `Metadata file ${path} cannot be read: ${(error as Error).message}`, { cause: error })
  }
  if (text === null) return null
  return parseCollectionFile<T>(path, text)
}

/** Checks the text of a collection file; `path` only names it in the error. Backups check their copies with it too. */
export function parseCollectionFile<T>(path: string, text: string): T[] {
  const corrupt = (reason: string, cause?: unknown): StorageCorruptError =>
    new StorageCorruptError(
      path,
      `Metadata file ${path} is corrupt (${reason}). Plenary will not start over it: restore it from a backup or repair it by hand.`,
      cause === undefined ? undefined : { cause },
    )
  if (text.trim() === '') throw corrupt('it is empty')
  if (text.includes('\0')) throw corrupt('it contains NUL bytes, typically left by a crash or a full disk')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw corrupt(`invalid JSON: ${(error as Error).message}`, error)
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { items?: unknown }).items)) {
    throw corrupt('no "items" array')
  }
  const { version, items } = parsed as { version?: unknown; items: unknown[] }
  if (version !== COLLECTION_FILE_VERSION) {
    throw corrupt(`unsupported version ${JSON.stringify(version)}, expected ${COLLECTION_FILE_VERSION}`)
  }
  const badIndex = items.findIndex((item) => typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string')
  if (badIndex !== -1) throw corrupt(`item ${badIndex} is not a record with a string id`)
  return items as T[]
}
