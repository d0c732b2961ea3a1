import { mkdir, readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readDataFiles } from '../dataFiles.js'
import { makeDirectoryDurably, syncDirectory, writeFileDurably } from '../files/fsync.js'
import { StorageUnavailableError } from '../storageErrors.js'
import { backupName, backupsDir, rotateBackups } from './backupCatalog.js'
import { manifestEntry, verifyBackup, writeManifest, type BackupFileEntry } from './backupManifest.js'

export interface BackupOptions {
  /** How many complete backups to keep, this one included. */
  keep: number
  now?: () => Date
}

export interface BackupResult {
  path: string
  createdAt: string
  files: number
  bytes: number
  /** Older backups rotated out. */
  removed: string[]
}

/** The data directory has no metadata yet (a first start): there is nothing to back up. */
export class NothingToBackUpError extends Error {
  readonly code = 'NOTHING_TO_BACK_UP'
  constructor(dataDir: string) {
    super(`${dataDir} holds no Plenary data yet (no meta/*.json): nothing to back up`)
    this.name = 'NothingToBackUpError'
  }
}

export async function hasMetadata(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(join(dataDir, 'meta'))).some((name) => /^[a-z0-9-]+\.json$/.test(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/**
 * Copies the metadata, the version contents and the documents into
 * `<dataDir>/backups/<UTC timestamp>/`, in the data directory's own layout, checked
 * as they are read (see readDataFiles for why a running server does not disturb
 * the copy). Every file is flushed; the manifest is written last. The backup is
 * then read back and verified, and only then are old ones rotated out.
 *
 * A failure removes the half-written backup (freeing what it took on a full disk)
 * and rejects: with StorageCorruptError naming a damaged data file, or with the
 * file system's error.
 */
export async function takeBackup(dataDir: string, options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date())
  if (!(await hasMetadata(dataDir))) throw new NothingToBackUpError(dataDir)
  const startedAt = now()
  const backupDir = await claimBackupDir(dataDir, startedAt)
  const files: BackupFileEntry[] = []
  try {
    const written = new Set<string>()
    await readDataFiles(dataDir, { versions: true }, async (file) => {
      const target = join(backupDir, file.path)
      if (!written.has(dirname(target))) {
        await makeDirectoryDurably(dirname(target))
        written.add(dirname(target))
      }
      await writeFileDurably(target, file.bytes)
      files.push(manifestEntry(file.path, file.bytes))
    })
    // The files' own directory entries, before the manifest says they are there.
    for (const directory of written) await syncDirectory(directory)
    await writeManifest(backupDir, { format: 'plenary-backup', version: 1, createdAt: startedAt.toISOString(), files })
    await verifyBackup(backupDir)
  } catch (error) {
    await rm(backupDir, { recursive: true, force: true }).catch(() => undefined)
    if ((error as { code?: unknown }).code === 'STORAGE_CORRUPT') throw error
    throw new StorageUnavailableError(`Backup into ${backupDir} failed: ${(error as Error).message}`, { cause: error })
  }
  const removed = await rotateBackups(dataDir, Math.max(1, options.keep), now())
  return {
    path: backupDir,
    createdAt: startedAt.toISOString(),
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    removed,
  }
}

/** Creates the backup's directory; a second backup in the same millisecond gets `-1`, `-2`… */
async function claimBackupDir(dataDir: string, startedAt: Date): Promise<string> {
  const parent = backupsDir(dataDir)
  await makeDirectoryDurably(parent)
  const base = backupName(startedAt)
  for (let suffix = 0; ; suffix++) {
    const path = join(parent, suffix === 0 ? base : `${base}-${suffix}`)
    try {
      await mkdir(path)
      await syncDirectory(parent)
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}
