import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { acquireDataDirLock } from '../dataDirLock.js'
import { makeDirectoryDurably, syncDirectory, writeFileDurably } from '../files/fsync.js'
import { backupName } from './backupCatalog.js'
import { BackupInvalidError, sha256Hex, verifyBackup } from './backupManifest.js'

/** The folders a backup replaces, in the order they are swapped; the metadata last. */
const DATA_FOLDERS = ['versions', 'documents', 'meta'] as const
/**
 * Present only while a restore swaps folders. A start that finds it refuses: a
 * crash mid-swap could leave `meta/` missing, and a start over a missing `meta/`
 * would be a fresh, empty start.
 */
export const RESTORE_MARKER = 'restore-in-progress'

export interface RestoreResult {
  /** Where the data that was replaced now is: `<dataDir>/before-restore-<timestamp>/`. */
  setAside: string
  files: number
}

/** A restore was interrupted: the start must not go on. */
export class RestoreInterruptedError extends Error {
  readonly code = 'RESTORE_INTERRUPTED'
  constructor(readonly markerPath: string, message: string) {
    super(message)
    this.name = 'RestoreInterruptedError'
  }
}

/**
 * Replaces the data directory's `meta/`, `documents/` and `versions/` by those of
 * `backupDir`. Verifies the backup first and takes the data directory's lock (so
 * it refuses while a server runs, with DATA_DIR_LOCKED, and no server can start
 * halfway). The backup is copied into a staging folder and flushed, then each
 * current folder is moved into `<dataDir>/before-restore-<timestamp>/` and the
 * staged one renamed into its place: nothing is deleted.
 */
export async function restoreBackup(dataDir: string, backupDir: string, now: () => Date = () => new Date()): Promise<RestoreResult> {
  const source = resolve(backupDir)
  const manifest = await verifyBackup(source)
  const lock = await acquireDataDirLock(dataDir)
  try {
    // An interrupted restore's marker is not checked here: running the restore again is how it is finished.
    const stamp = backupName(now())
    const staging = join(dataDir, `.restore-staging-${stamp}`)
    const setAside = join(dataDir, `before-restore-${stamp}`)
    try {
      for (const entry of manifest.files) {
        const target = join(staging, entry.path)
        await makeDirectoryDurably(dirname(target))
        const bytes = await readFile(join(source, entry.path))
        // Verified a moment ago; checked again in case the backup changed since.
        if (sha256Hex(bytes) !== entry.sha256) throw new BackupInvalidError(join(source, entry.path), `Backup file ${join(source, entry.path)} changed while it was restored`)
        await writeFileDurably(target, bytes)
      }
      for (const folder of DATA_FOLDERS) await makeDirectoryDurably(join(staging, folder))
      await syncStagedDirectories(staging, manifest.files.map((entry) => entry.path))
      await makeDirectoryDurably(setAside)
    } catch (error) {
      // Nothing of the data directory was touched yet.
      await rm(staging, { recursive: true, force: true }).catch(() => undefined)
      throw error
    }

    const marker = join(dataDir, RESTORE_MARKER)
    await writeFile(marker, `Restoring ${source} into ${dataDir}: staged in ${staging}, replaced data in ${setAside}\n`)
    await syncDirectory(dataDir)
    for (const folder of DATA_FOLDERS) {
      const current = join(dataDir, folder)
      if (await exists(current)) await rename(current, join(setAside, folder))
      await rename(join(staging, folder), current)
    }
    await syncDirectory(setAside)
    await syncDirectory(dataDir)
    await rm(marker)
    await rm(staging, { recursive: true, force: true })
    await syncDirectory(dataDir)
    return { setAside, files: manifest.files.length }
  } finally {
    await lock.release()
  }
}

/** Throws RestoreInterruptedError when a restore of this directory was cut short. */
export async function assertNoInterruptedRestore(dataDir: string): Promise<void> {
  const marker = join(dataDir, RESTORE_MARKER)
  let note: string
  try {
    note = (await readFile(marker, 'utf8')).trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  throw new RestoreInterruptedError(
    marker,
    `A restore of ${dataDir} was interrupted (${note}). Run the restore again, or put meta/, documents/ and versions/ ` +
      `back by hand from the before-restore-* folder, then delete ${marker}.`,
  )
}

/** Every staged directory's entries, so the renames move flushed files. */
async function syncStagedDirectories(staging: string, paths: string[]): Promise<void> {
  const directories = new Set([staging, ...DATA_FOLDERS.map((folder) => join(staging, folder)), ...paths.map((path) => dirname(join(staging, path)))])
  for (const directory of directories) await syncDirectory(directory)
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}
