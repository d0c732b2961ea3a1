import { mkdir, open, readFile, realpath, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED'
  constructor(readonly dataDir: string, readonly pid: number | null, message: string) {
    super(message)
    this.name = 'DataDirLockedError'
  }
}

const LOCK_FILE_NAME = 'plenary.lock'
/** A live holder writes its pid right after creating the file; an older file without one is left by a crash. */
const PID_WRITE_GRACE_MS = 5_000
const TAKEOVER_ATTEMPTS = 3

/** Lock files also name the pid of this very process (a restart as pid 1 in a container), so that is not enough. */
const heldByThisProcess = new Set<string>()

/**
 * One Plenary server per data directory: two would each rewrite the lowdb files
 * from their own memory and silently undo each other's writes.
 *
 * `<dataDir>/plenary.lock` holds the owner's pid. A lock whose pid is dead (the
 * server was killed with -9, the machine rebooted) is taken over. Two servers
 * starting on the same stale lock within the same instant could both take it
 * over; pid files cannot close that gap and it needs two starts at once.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true })
  const directory = await realpath(dataDir)
  const lockPath = join(directory, LOCK_FILE_NAME)
  // Checked and claimed without an await in between, so two opens in one process cannot both pass.
  if (heldByThisProcess.has(directory)) {
    throw new DataDirLockedError(directory, process.pid, `DATA_DIR ${directory} is already open in this process (pid ${process.pid}).`)
  }
  heldByThisProcess.add(directory)
  try {
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
      if (await createLockFile(lockPath)) return lockHandle(directory, lockPath)
      const holder = await readHolder(lockPath)
      if (holder === 'gone') continue
      if (holder.pid === null && Date.now() - holder.modifiedAt < PID_WRITE_GRACE_MS) {
        throw lockedError(directory, lockPath, null)
      }
      if (holder.pid !== null && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw lockedError(directory, lockPath, holder.pid)
      }
      await unlink(lockPath).catch(ignoreMissing)
    }
    throw new Error(`Could not take the lock ${lockPath}: it keeps reappearing. Is another Plenary server starting?`)
  } catch (error) {
    heldByThisProcess.delete(directory)
    throw error
  }
}

function lockHandle(directory: string, lockPath: string): DataDirLock {
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      try {
        const holder = await readHolder(lockPath)
        // Never remove a lock that someone took over from us.
        if (holder !== 'gone' && holder.pid === process.pid) await unlink(lockPath).catch(ignoreMissing)
      } finally {
        heldByThisProcess.delete(directory)
      }
    },
  }
}

/** True if the file was created by us; false if it already exists. */
async function createLockFile(lockPath: string): Promise<boolean> {
  let handle
  try {
    handle = await open(lockPath, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(`${process.pid}\n`)
  } finally {
    await handle.close()
  }
  return true
}

async function readHolder(lockPath: string): Promise<{ pid: number | null; modifiedAt: number } | 'gone'> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)])
    const text = content.trim()
    const pid = /^\d{1,10}$/.test(text) ? Number(text) : null
    // kill(0, 0) would test our own process group, not a process: 0 is no pid.
    return { pid: pid === 0 ? null : pid, modifiedAt: info.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
}

/** Signal 0 only checks that the process exists; EPERM means it exists but belongs to someone else. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

function lockedError(directory: string, lockPath: string, pid: number | null): DataDirLockedError {
  const who = pid === null ? 'Another Plenary server' : `Another Plenary server (pid ${pid})`
  return new DataDirLockedError(
    directory,
    pid,
    `${who} is using DATA_DIR ${directory}. Stop it first, or point DATA_DIR elsewhere. ` +
      `If no such server is running, delete ${lockPath}.`,
  )
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error
}
