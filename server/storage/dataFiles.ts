import type { BigIntStats } from 'node:fs'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { checkDocumentLog, checkDocumentState } from './files/documentFileCheck.js'
import { holdMetaWrites } from './files/metaHold.js'
import { parseVersionContent } from './files/versionContentFiles.js'
import { parseCollectionFile } from './lowdb/collectionFile.js'
import { StorageUnavailableError } from './storageErrors.js'

/**
 * The files that make up a Plenary data directory, as backups copy them and the
 * start checks them. Paths are relative to the data directory, with `/`:
 * `meta/<collection>.json`, `versions/<statementId>/<versionId>.json`,
 * `documents/<statementId>.state` and `documents/<statementId>.log`. Temp files
 * (`.x.json.tmp`, `*.tmp`) are never part of it: they are never read as data.
 */
export interface DataFile {
  path: string
  bytes: Buffer
}

const META_FILE = /^[a-z0-9-]+\.json$/
const STORAGE_ID = /^[A-Za-z0-9_-]{1,64}$/
const VERSION_FILE = /^[A-Za-z0-9_-]{1,64}\.json$/
const DOCUMENT_FILE = /^([A-Za-z0-9_-]{1,64})\.(state|log)$/
const DATA_FILE_PATH = /^(meta\/[a-z0-9-]+\.json|versions\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\.json|documents\/[A-Za-z0-9_-]{1,64}\.(state|log))$/

/** True for a relative path of the layout above, and only those: no `..`, no temp file, nothing else. */
export function isDataFilePath(path: string): boolean {
  return DATA_FILE_PATH.test(path)
}

/** Rounds of "check every metadata file's identity, read again those that changed" before giving up. */
const META_SNAPSHOT_ATTEMPTS = 200
/** The longest pause between two checks; pauses grow and are jittered so that a check lands in a writer's quiet moment. */
const META_SNAPSHOT_MAX_PAUSE_MS = 25

/** Checks one file by its place in the layout; throws StorageCorruptError naming `absolutePath`. Returns the bytes to keep. */
export function checkDataFile(relativePath: string, absolutePath: string, bytes: Buffer): Buffer {
  if (relativePath.startsWith('meta/')) parseCollectionFile(absolutePath, bytes.toString('utf8'))
  else if (relativePath.startsWith('versions/')) parseVersionContent(absolutePath, bytes.toString('utf8'))
  else if (relativePath.endsWith('.state')) checkDocumentState(absolutePath, bytes)
  else if (relativePath.endsWith('.log')) return bytes.subarray(0, checkDocumentLog(absolutePath, bytes))
  return bytes
}

export interface ReadDataFilesOptions {
  /** Version contents are checked when read; the start does not need them. */
  versions: boolean
}

/**
 * Reads and checks every data file, handing each to `visit` one at a time (the
 * metadata first, all at once). Throws StorageCorruptError naming the first
 * damaged file. Safe while a server writes to the directory, because the server
 * only ever replaces metadata and state files by rename and only appends to logs:
 *
 * - The metadata files are read, each with its identity (inode, mtime, size);
 *   then all identities are checked again and the files that changed are read
 *   again, until one check finds none changed. What is handed on is what every
 *   file held at one instant: the start of that last check. (A change landing
 *   during every one of 200 checks, with growing pauses between them, fails the backup.)
 *   While it reads, `meta/.hold` asks the server to pause metadata writes (metaHold.ts),
 *   so only writes already under way can land, and the check settles.
 * - Version contents are read after the metadata: a content is written before its
 *   summary, so every version the metadata lists has its content already.
 * - A document's log is read before its state: a compaction in between gives the
 *   new state with the old records, which the state already contains. Only the
 *   log's whole, checksummed records are kept; a record being appended is left out.
 *
 * Documents and version contents can be newer than the metadata (an edit made
 * while the copy ran), never older.
 */
export async function readDataFiles(dataDir: string, options: ReadDataFilesOptions, visit: (file: DataFile) => Promise<void>): Promise<void> {
  for (const file of await readMetaSnapshot(dataDir)) await visit(file)
  if (options.versions) {
    for (const statementId of await listNames(join(dataDir, 'versions'), STORAGE_ID, 'directories')) {
      for (const name of await listNames(join(dataDir, 'versions', statementId), VERSION_FILE, 'files')) {
        await readChecked(dataDir, `versions/${statementId}/${name}`, visit)
      }
    }
  }
  const documentNames = await listNames(join(dataDir, 'documents'), DOCUMENT_FILE, 'files')
  // Sorted, `<id>.log` comes before `<id>.state`: the order the comment above needs.
  for (const name of documentNames.sort()) await readChecked(dataDir, `documents/${name}`, visit)
}

async function readChecked(dataDir: string, relativePath: string, visit: (file: DataFile) => Promise<void>): Promise<void> {
  const absolutePath = join(dataDir, relativePath)
  const bytes = await readIfExists(absolutePath)
  // Gone since the listing: a log that compaction removed, a state replaced by nothing never happens.
  if (bytes === null) return
  await visit({ path: relativePath, bytes: checkDataFile(relativePath, absolutePath, bytes) })
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function readMetaSnapshot(dataDir: string): Promise<DataFile[]> {
  const metaDir = join(dataDir, 'meta')
  const hold = await holdMetaWrites(metaDir)
  try {
    return await readMetaSnapshotHeld(dataDir, metaDir)
  } finally {
    await hold.release()
  }
}

async function readMetaSnapshotHeld(dataDir: string, metaDir: string): Promise<DataFile[]> {
  const held = new Map<string, { identity: string; bytes: Buffer }>()
  for (let attempt = 0; attempt < META_SNAPSHOT_ATTEMPTS; attempt++) {
    const current = await metaIdentities(metaDir)
    const unchanged = current.size === held.size && [...current].every(([name, identity]) => held.get(name)?.identity === identity)
    if (unchanged) {
      return [...held].map(([name, { bytes }]) => {
        const path = `meta/${name}`
        checkDataFile(path, join(dataDir, path), bytes)
        return { path, bytes }
      })
    }
    for (const name of held.keys()) if (!current.has(name)) held.delete(name)
    for (const [name, identity] of current) {
      if (held.get(name)?.identity === identity) continue
      const read = await readWithIdentity(join(metaDir, name))
      if (read) held.set(name, read)
      else held.delete(name)
    }
    // A busy writer replaces files in bursts: wait, a little longer each time, for a gap.
    if (attempt > 0) await pause(Math.random() * Math.min(META_SNAPSHOT_MAX_PAUSE_MS, attempt))
  }
  throw new StorageUnavailableError(`The metadata files in ${metaDir} kept changing while they were read; try again.`)
}

/**
 * The content and the identity of the file it was read from, taken from one open
 * handle so they belong together. Files are only ever replaced by rename, so an
 * inode's content never changes and the identity pins the content.
 */
async function readWithIdentity(path: string): Promise<{ identity: string; bytes: Buffer } | null> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const info = await handle.stat({ bigint: true })
    return { identity: identityOf(info), bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

function identityOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.mtimeNs}:${info.size}`
}

async function metaIdentities(metaDir: string): Promise<Map<string, string>> {
  const identities = new Map<string, string>()
  for (const name of (await listNames(metaDir, META_FILE, 'files')).sort()) {
    try {
      identities.set(name, identityOf(await stat(join(metaDir, name), { bigint: true })))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return identities
}

/** Names in `directory` matching `pattern`, of the kind asked for; none when the directory does not exist. */
async function listNames(directory: string, pattern: RegExp, kind: 'files' | 'directories'): Promise<string[]> {
  let entries
  try {
    entries = await readdir(directory, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries
    .filter((entry) => (kind === 'files' ? entry.isFile() : entry.isDirectory()) && pattern.test(entry.name))
    .map((entry) => entry.name)
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
