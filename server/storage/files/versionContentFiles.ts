import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { VersionContent } from '../../../shared/domain/version.js'
import type { VersionContentStore } from '../repositories/versionContentStore.js'
import { KeyedSerialQueue } from '../serialQueue.js'
import { assertStatementId, assertVersionId } from '../storageIds.js'
import { StorageCorruptError, StorageUnavailableError } from '../storageErrors.js'
import { makeDirectoryDurably, syncDirectory, writeFileDurably } from './fsync.js'

/**
 * Each version's content in its own file, `<directory>/<statementId>/<versionId>.json`,
 * holding the VersionContent as JSON. Written once, through a temp file that is
 * flushed, renamed and whose directory is flushed, so the file is either whole or
 * absent under its real name. One directory per statement keeps directories small
 * and lets a statement's history be copied or removed as one.
 *
 * Writes of one file run one at a time (they share a temp name); different
 * versions are written in parallel.
 */
export function createVersionContentFiles(directory: string): VersionContentStore {
  const queue = new KeyedSerialQueue()
  let closed = false

  const pathsOf = (statementId: string, versionId: string) => {
    // The ids become path segments: this is what keeps `../` out.
    assertStatementId(statementId)
    assertVersionId(versionId)
    const statementDirectory = join(directory, statementId)
    const file = join(statementDirectory, `${versionId}.json`)
    return { statementDirectory, file, temp: `${file}.tmp` }
  }

  return {
    write: async (statementId, versionId, content) => {
      const paths = pathsOf(statementId, versionId)
      if (closed) throw new StorageUnavailableError('Storage is closed: cannot write version contents')
      const text = JSON.stringify(content)
      await queue.run(paths.file, async () => {
        try {
          await makeDirectoryDurably(paths.statementDirectory)
          await writeFileDurably(paths.temp, text)
          await rename(paths.temp, paths.file)
          await syncDirectory(paths.statementDirectory)
        } catch (error) {
          await rm(paths.temp, { force: true }).catch(() => {})
          throw new StorageUnavailableError(`Could not write version content ${paths.file}: ${(error as Error).message}`, { cause: error })
        }
      })
    },

    read: async (statementId, versionId) => {
      const { file } = pathsOf(statementId, versionId)
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read: ${(error as Error).message}`
        throw new StorageCorruptError(file, `Version content file ${file} ${reason}. Restore it from a backup.`, { cause: error })
      }
      return parseVersionContent(file, text)
    },

    close: async () => {
      closed = true
      await queue.idle()
    },
  }
}

/** Checks the text of a version content file; `file` only names it in the error. Backups check their copies with it too. */
export function parseVersionContent(file: string, text: string): VersionContent {
  const corrupt = (reason: string, cause?: unknown): StorageCorruptError =>
    new StorageCorruptError(
      file,
      `Version content file ${file} is corrupt (${reason}). Restore it from a backup.`,
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
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('json' in parsed)) {
    throw corrupt('not an object with a "json" field')
  }
  return parsed as VersionContent
}
