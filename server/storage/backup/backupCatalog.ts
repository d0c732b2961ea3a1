import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { MANIFEST_FILE, verifyBackup } from './backupManifest.js'

/** `<dataDir>/backups/<UTC timestamp>/`, one directory per backup. */
export const BACKUPS_DIR = 'backups'
/** `2025-03-02T10-00-00-000Z`: an ISO time without the colons and the dot some tools and file systems refuse; sorts by time. */
const BACKUP_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/
/** An incomplete backup this old is left by a crash or a full disk, not a copy still running. */
const INCOMPLETE_MAX_AGE_MS = 60 * 60 * 1000

export interface BackupEntry {
  name: string
  path: string
  /** Has its manifest: finished. Whether its files are intact is for verifyBackup to say. */
  complete: boolean
}

export function backupName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR)
}

/** Every backup directory, newest first. */
export async function listBackups(dataDir: string): Promise<BackupEntry[]> {
  const directory = backupsDir(dataDir)
  let names: string[]
  try {
    names = (await readdir(directory, { withFileTypes: true })).filter((e) => e.isDirectory() && BACKUP_NAME.test(e.name)).map((e) => e.name)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  names.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
  return Promise.all(
    names.map(async (name) => {
      const path = join(directory, name)
      const complete = await stat(join(path, MANIFEST_FILE)).then(() => true, () => false)
      return { name, path, complete }
    }),
  )
}

/**
 * The newest backup that passes verifyBackup and holds `relativePath` (e.g.
 * `meta/users.json`), or null. Reads whole backups, newest first, until one
 * fits: meant for the error path, not for every start.
 */
export async function newestGoodBackupHolding(dataDir: string, relativePath: string): Promise<{ path: string; createdAt: string } | null> {
  for (const backup of await listBackups(dataDir)) {
    if (!backup.complete) continue
    try {
      const manifest = await verifyBackup(backup.path)
      if (manifest.files.some((file) => file.path === relativePath)) return { path: backup.path, createdAt: manifest.createdAt }
    } catch {
      // A damaged backup is skipped here; `npm run restore` names what is wrong with it.
    }
  }
  return null
}

/**
 * Keeps the newest `keep` complete backups and removes older ones, plus
 * incomplete ones older than an hour. Called only after a new backup was
 * verified, so a run of failed backups never rotates the good ones out.
 * Returns the paths removed.
 */
export async function rotateBackups(dataDir: string, keep: number, now: Date): Promise<string[]> {
  const removed: string[] = []
  let completeSeen = 0
  for (const backup of await listBackups(dataDir)) {
    if (backup.complete) {
      completeSeen += 1
      if (completeSeen <= keep) continue
    } else {
      const modified = await stat(backup.path).then((info) => info.mtimeMs, () => now.getTime())
      if (now.getTime() - modified < INCOMPLETE_MAX_AGE_MS) continue
    }
    await rm(backup.path, { recursive: true, force: true })
    removed.push(backup.path)
  }
  return removed
}
