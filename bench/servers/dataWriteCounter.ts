import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Counts the bytes this process writes into one directory, for the `persistence`
 * figure (bytes written per byte of update received). Installed in the Plenary
 * child before the server's modules load, it wraps node:fs/promises' `open`,
 * `writeFile` and `appendFile` and FileHandle's writes: every way server/storage
 * writes (lowdb's steno uses `writeFile`). /proc/<pid>/io's write_bytes would
 * count a whole 4 KiB page for each fdatasync'd append of a few bytes instead of
 * the bytes the server chose to write.
 */
export async function installWriteCounter(directory: string): Promise<() => number> {
  const root = path.resolve(directory) + path.sep
  let written = 0
  const counted = new WeakSet<object>()
  const inside = (target: unknown): boolean => {
    if (typeof target === 'object' && target !== null && counted.has(target)) return true
    const name = typeof target === 'string' ? target : target instanceof URL ? fileURLToPath(target) : Buffer.isBuffer(target) ? target.toString() : null
    return name !== null && path.resolve(name).startsWith(root)
  }
  const sizeOf = (data: unknown): number => {
    if (typeof data === 'string') return Buffer.byteLength(data)
    if (ArrayBuffer.isView(data)) return data.byteLength
    if (Array.isArray(data)) return data.reduce((sum: number, part: unknown) => sum + sizeOf(part), 0)
    return 0
  }

  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  const open = promises.open as (...args: unknown[]) => Promise<object>
  promises.open = async (target: unknown, ...rest: unknown[]) => {
    const handle = await open(target, ...rest)
    if (inside(target)) counted.add(handle)
    return handle
  }
  for (const name of ['writeFile', 'appendFile']) {
    const original = promises[name] as (...args: unknown[]) => Promise<unknown>
    promises[name] = (target: unknown, data: unknown, ...rest: unknown[]) => {
      if (inside(target)) written += sizeOf(data)
      return original(target, data, ...rest)
    }
  }
  syncBuiltinESMExports()

  // FileHandle is not exported; a handle of our own reaches its prototype.
  const probe = await open(fileURLToPath(import.meta.url), 'r')
  const prototype = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>
  await (probe as { close(): Promise<void> }).close()
  for (const name of ['write', 'writeFile', 'appendFile', 'writev']) {
    const original = prototype[name] as (...args: unknown[]) => unknown
    prototype[name] = function (this: object, data: unknown, ...rest: unknown[]) {
      if (counted.has(this)) {
        // write(buffer, offset, length): only `length` bytes go out.
        written += name === 'write' && ArrayBuffer.isView(data) && typeof rest[1] === 'number' ? rest[1] : sizeOf(data)
      }
      return original.call(this, data, ...rest)
    }
  }
  return () => written
}
