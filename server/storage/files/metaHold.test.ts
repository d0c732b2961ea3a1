import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { holdMetaWrites, waitWhileMetaHeld } from './metaHold.js'

async function metaDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'plenary-hold-'))
}

describe('the metadata hold a backup takes', () => {
  it('keeps a writer waiting until it is released, then leaves nothing behind', async () => {
    const dir = await metaDir()
    const hold = await holdMetaWrites(dir)
    let written = false
    const writer = waitWhileMetaHeld(dir).then(() => (written = true))
    // The writer polls; give it several polls' worth of chances to go through a live hold.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(written).toBe(false)
    await hold.release()
    await writer
    expect(written).toBe(true)
    expect(await readdir(dir)).toEqual([])
  })

  it('is shared by a second backup, whose release leaves the first one’s hold in place', async () => {
    const dir = await metaDir()
    const first = await holdMetaWrites(dir)
    const second = await holdMetaWrites(dir)
    await second.release()
    expect(await readdir(dir)).toEqual(['.hold'])
    await first.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('is ignored when the process that took it is gone', async () => {
    const dir = await metaDir()
    const exited = spawnSync(process.execPath, ['-e', '0'])
    await writeFile(join(dir, '.hold'), String(exited.pid))
    await waitWhileMetaHeld(dir)
  })

  it('is ignored when it is older than the longest hold, even if its pid is alive', async () => {
    const dir = await metaDir()
    await writeFile(join(dir, '.hold'), String(process.pid))
    const minuteAgo = new Date(Date.now() - 60_000)
    await utimes(join(dir, '.hold'), minuteAgo, minuteAgo)
    await waitWhileMetaHeld(dir)
  })

  it('is not taken where there is no metadata directory, and reading goes on without it', async () => {
    const hold = await holdMetaWrites(join(await metaDir(), 'missing'))
    await hold.release()
  })
})
