import { createHash } from 'node:crypto'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { checkDataFile, isDataFilePath } from '../dataFiles.js'
import { syncDirectory, writeFileDurably } from '../files/fsync.js'

/**
 * `<backup>/manifest.json`, written last: a backup directory without one is
 * incomplete (a crash, a full disk, a copy still running) and never restored
 * from or counted as one of the backups kept.
 */
export const MANIFEST_FILE = 'manifest.json'
const FORMAT = 'plenary-backup'

export interface BackupManifest {
  format: typeof FORMAT
  version: 1
  /** ISO time the copy started. */
  createdAt: string
  files: BackupFileEntry[]
}

export interface BackupFileEntry {
  /** Relative to the backup (and to the data directory it restores into), with `/`. */
  path: string
  bytes: number
  /** SHA-256 of the content, hex. */
  sha256: string
}

/** A backup that cannot be trusted, with the reason; `path` names the file at fault. */
export class BackupInvalidError extends Error {
  readonly code = 'BACKUP_INVALID'
  constructor(readonly path: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'BackupInvalidError'
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function manifestEntry(path: string, bytes: Uint8Array): BackupFileEntry {
  return { path, bytes: bytes.byteLength, sha256: sha256Hex(bytes) }
}

/** Temp file, flush, rename, flush of the directory: the manifest is whole or absent. */
export async function writeManifest(backupDir: string, manifest: BackupManifest): Promise<void> {
  const path = join(backupDir, MANIFEST_FILE)
  await writeFileDurably(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`)
  await rename(`${path}.tmp`, path)
  await syncDirectory(backupDir)
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  const path = join(backupDir, MANIFEST_FILE)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'has no manifest.json: it is incomplete' : `cannot be read: ${(error as Error).message}`
    throw new BackupInvalidError(path, `Backup ${backupDir} ${reason}`, { cause: error })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new BackupInvalidError(path, `Backup manifest ${path} is not valid JSON`, { cause: error })
  }
  if (!isManifest(parsed)) throw new BackupInvalidError(path, `Backup manifest ${path} is not a Plenary backup manifest`)
  return parsed
}

function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as Partial<BackupManifest> | null
  return (
    typeof manifest === 'object' && manifest !== null &&
    manifest.format === FORMAT && manifest.version === 1 && typeof manifest.createdAt === 'string' &&
    Array.isArray(manifest.files) &&
    // Restore writes to these paths: each must be a data file's place, nothing else.
    manifest.files.every((file) =>
      typeof file === 'object' && file !== null &&
      typeof file.path === 'string' && isDataFilePath(file.path) &&
      Number.isInteger(file.bytes) && typeof file.sha256 === 'string' && /^[0-9a-f]{64}$/.test(file.sha256),
    )
  )
}

/**
 * Reads every file the manifest lists and checks its size, its SHA-256 and its
 * content (each JSON file parses as what it should be, each state decodes, each
 * log holds only whole records). Resolves with the manifest; throws
 * BackupInvalidError naming the first file at fault.
 */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir)
  for (const entry of manifest.files) {
    const path = join(backupDir, entry.path)
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (error) {
      throw new BackupInvalidError(path, `Backup file ${path} is missing or unreadable: ${(error as Error).message}`, { cause: error })
    }
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      throw new BackupInvalidError(path, `Backup file ${path} does not match its manifest entry (size or SHA-256 differ)`)
    }
    try {
      const kept = checkDataFile(entry.path, path, bytes)
      if (kept.length !== bytes.length) throw new Error('it ends in an incomplete log record')
    } catch (error) {
      throw new BackupInvalidError(path, `Backup file ${path} is damaged: ${(error as Error).message}`, { cause: error })
    }
  }
  return manifest
}
