import { open } from 'node:fs/promises'

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
