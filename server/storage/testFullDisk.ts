import type * as FsPromises from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { resolve, sep } from 'node:path'

/**
 * For tests where no tiny file system can be mounted: makes every write under
 * `root` fail with ENOSPC while `full` is set, the way a full disk does, after
 * writing the first half of the data (a harsher fault than a real full disk,
 * which usually writes nothing, so that torn files are exercised too).
 *
 * It patches `node:fs/promises` itself (and FileHandle's write methods), then
 * syncs the ES module bindings, so lowdb's writer (steno) and our own adapters
 * both hit it without a seam in production code. Call `uninstall()` after the test.
 */
export interface FullDisk {
  full: boolean
  uninstall(): void
}

type Fsp = typeof FsPromises

export async function installFullDisk(rootDir: string): Promise<FullDisk> {
  const root = resolve(rootDir)
  const fsp = createRequire(import.meta.url)('node:fs/promises') as Fsp
  const handlePaths = new WeakMap<FileHandle, string>()
  const state = { full: false }
  const affected = (path: unknown): boolean => {
    if (!state.full || (typeof path !== 'string' && !(path instanceof URL))) return false
    const absolute = resolve(path instanceof URL ? path.pathname : path)
    return absolute === root || absolute.startsWith(root + sep)
  }
  const noSpace = (syscall: string, path: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`ENOSPC: no space left on device, ${syscall} '${path}'`), { code: 'ENOSPC', errno: -28, syscall, path })
  const firstHalf = (data: unknown): Buffer => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array)
    return bytes.subarray(0, Math.floor(bytes.length / 2))
  }

  const original = { open: fsp.open, writeFile: fsp.writeFile }
  const probe = await original.open(process.execPath, 'r')
  const handlePrototype = Object.getPrototypeOf(probe) as FileHandle
  await probe.close()
  const originalHandle = { writeFile: handlePrototype.writeFile, write: handlePrototype.write, appendFile: handlePrototype.appendFile }

  fsp.open = (async (...args: Parameters<Fsp['open']>) => {
    const handle = await original.open(...args)
    if (typeof args[0] === 'string') handlePaths.set(handle, resolve(args[0]))
    return handle
  }) as Fsp['open']
  fsp.writeFile = (async (...args: Parameters<Fsp['writeFile']>) => {
    const [path, data] = args
    if (!affected(path)) return original.writeFile(...args)
    await original.writeFile(path, firstHalf(data))
    throw noSpace('write', String(path))
  }) as Fsp['writeFile']
  handlePrototype.writeFile = async function (this: FileHandle, data: unknown, ...rest: unknown[]) {
    const path = handlePaths.get(this)
    if (!affected(path)) return (originalHandle.writeFile as (...a: unknown[]) => Promise<void>).call(this, data, ...rest)
    await originalHandle.writeFile.call(this, firstHalf(data))
    throw noSpace('write', String(path))
  } as FileHandle['writeFile']
  handlePrototype.appendFile = async function (this: FileHandle, data: unknown, ...rest: unknown[]) {
    const path = handlePaths.get(this)
    if (!affected(path)) return (originalHandle.appendFile as (...a: unknown[]) => Promise<void>).call(this, data, ...rest)
    throw noSpace('write', String(path))
  } as FileHandle['appendFile']
  handlePrototype.write = async function (this: FileHandle, ...args: unknown[]) {
    const path = handlePaths.get(this)
    if (!affected(path)) return (originalHandle.write as (...a: unknown[]) => Promise<unknown>).apply(this, args)
    throw noSpace('write', String(path))
  } as FileHandle['write']
  syncBuiltinESMExports()

  return {
    get full() {
      return state.full
    },
    set full(value: boolean) {
      state.full = value
    },
    uninstall() {
      fsp.open = original.open
      fsp.writeFile = original.writeFile
      Object.assign(handlePrototype, originalHandle)
      syncBuiltinESMExports()
    },
  }
}
