import { open, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * A backup's request that the server pause metadata writes while it reads them.
 *
 * The metadata is one file per collection, each replaced by rename. A backup
 * needs all of them as they were at one instant, and checks for that by reading
 * until one pass finds nothing changed (see readDataFiles). A server writing
 * without a pause (a sign-on campaign, a script creating accounts) could keep
 * that check from ever succeeding. So the backup, which may run in another
 * process (`npm run backup`), creates `meta/.hold` with its pid; the server looks
 * for it before each metadata write and waits while it is there. Writes already
 * under way finish, then the directory is quiet until the backup removes the file.
 *
 * A hold is ignored when its process is gone or it is older than HOLD_MAX_MS, so
 * a crashed backup can stall writes for at most that long.
 */
const HOLD_FILE = '.hold'
export const HOLD_MAX_MS = 10_000
const POLL_MS = 5

export interface MetaHold {
  release(): Promise<void>
}

/**
 * Asks writers to pause, as far as it can: when another backup already holds the
 * directory its hold serves this one too, and where the file cannot be created
 * (a read-only copy, a full disk) the reader's own checks still guarantee
 * consistency, only without the pause.
 */
export async function holdMetaWrites(metaDir: string): Promise<MetaHold> {
  const path = join(metaDir, HOLD_FILE)
  let handle
  try {
    handle = await open(path, 'wx')
  } catch {
    // Held already (EEXIST), no metadata yet (ENOENT), or a read-only copy: read without one.
    return { release: async () => undefined }
  }
  try {
    await handle.writeFile(String(process.pid))
  } catch {
    await unlink(path).catch(() => undefined)
    return { release: async () => undefined }
  } finally {
    await handle.close()
  }
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      await unlink(path).catch(() => undefined)
    },
  }
}

/** Resolves once no live, recent hold is on `metaDir`: at once (one stat) in the usual case. */
export async function waitWhileMetaHeld(metaDir: string, now: () => number = Date.now): Promise<void> {
  const path = join(metaDir, HOLD_FILE)
  for (;;) {
    let modifiedAt
    try {
      modifiedAt = (await stat(path)).mtimeMs
    } catch {
      return
    }
    if (now() - modifiedAt > HOLD_MAX_MS) return
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10)
    // Just created, pid not written yet: wait like for a live holder, the age bound still applies.
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) return
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
