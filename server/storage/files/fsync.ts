import { mkdir, open } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

/**
 * Flushes a file's data to the device. Opened read-write because Windows refuses
 * to flush a read-only handle.
 */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Makes a create, rename or unlink in `directory` durable: without it a crash can
 * forget that a new file exists even though its data was flushed. Windows cannot
 * open a directory for flushing, and NTFS journals its metadata anyway.
 */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes `data` to `path` (created or truncated) and flushes it before the handle
 * closes. Callers write to a temp name and rename, so a crash mid-write never
 * leaves a half-written file under the real name.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * `mkdir -p`, then flushes the parent of every directory it created: a file
 * flushed into a directory whose own entry a crash forgot is lost with it.
 */
export async function makeDirectoryDurably(directory: string): Promise<void> {
  const firstCreated = await mkdir(directory, { recursive: true })
  if (firstCreated === undefined) return
  const top = resolve(firstCreated)
  for (let path = resolve(directory); ; path = dirname(path)) {
    await syncDirectory(dirname(path))
    if (path === top || dirname(path) === path) return
  }
}
