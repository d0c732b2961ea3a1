import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, open, readdir, readFile, rm, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { readDataFiles } from '../storage/dataFiles.js'
import { installFullDisk, type FullDisk } from '../storage/testFullDisk.js'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { freePort, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN, startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * A full disk: writes fail with 507 storage_full, memory keeps what the disk has,
 * collaboration keeps the text in memory and saves it once there is room, and
 * every file on disk stays valid. Run twice: on a real 1 MiB tmpfs that only the
 * server's process sees (unshare), and through a fault-injecting wrapper of
 * node:fs/promises. Where unshare is unavailable, the first runs on the wrapper
 * too, and says so, rather than passing without a full disk.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SAVE_TIMING = { SAVE_DEBOUNCE_MS: '50', SAVE_MAX_WAIT_MS: '200' }

/** What the scenario needs from wherever the server and its full disk run. */
interface Rig {
  url: string
  publicUrl: string
  /** Where the test can read the server's data directory. */
  filesDir(): string
  output(): string
  fill(): Promise<void>
  free(): Promise<void>
  /** Stops the server gracefully and starts one on the same data, on a disk with room. */
  restart(): Promise<void>
  stop(): Promise<void>
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

function unshareWorks(): boolean {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', os.tmpdir()], { timeout: 20_000 })
  return probe.status === 0
}

/** The real server process with DATA_DIR on a 1 MiB tmpfs in its own mount namespace. */
async function tmpfsRig(): Promise<Rig> {
  const dataDir = await tempDir('plenary-full-mount-')
  const copyDir = await tempDir('plenary-full-copy-')
  const port = await freePort()
  const publicUrl = `http://localhost:${port}`
  // The tmpfs vanishes with the namespace: once the server has exited, its files are copied out for the restart.
  const script = [
    'mount -t tmpfs -o size=1m tmpfs "$DATA_DIR" || exit 90',
    'node --import tsx server/main.ts &',
    'pid=$!',
    'echo "server-pid $pid"',
    'wait $pid',
    'code=$?',
    'cp -a "$DATA_DIR"/. "$COPY_DIR"/',
    'exit $code',
  ].join('\n')
  const child: ChildProcess = spawn('unshare', ['-rm', 'sh', '-c', script], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, COPY_DIR: copyDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, CLIENT_DIR: '', ...SAVE_TIMING },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let exitCode: number | null | undefined
  void exited.then((code) => (exitCode = code))
  cleanups.push(async () => {
    if (exitCode === undefined) child.kill('SIGKILL')
  })
  await waitFor(() => exitCode !== undefined || output.includes('Plenary is listening'), { timeoutMs: 60_000, what: 'server in its namespace to listen' })
  if (exitCode !== undefined) throw new Error(`server in its namespace exited with ${exitCode}:\n${output}`)
  const serverPid = Number(/server-pid (\d+)/.exec(output)?.[1])
  const mountedView = `/proc/${child.pid}/root${dataDir}`
  const filler = path.join(mountedView, 'filler')
  let restarted: ServerProcess | null = null

  const rig: Rig = {
    url: `http://127.0.0.1:${port}`,
    publicUrl,
    filesDir: () => (restarted ? copyDir : mountedView),
    output: () => output + (restarted?.output() ?? ''),
    fill: async () => {
      const handle = await open(filler, 'w')
      try {
        for (const chunk of [64 * 1024, 4096, 512, 1]) {
          const bytes = Buffer.alloc(chunk, 1)
          for (;;) {
            try {
              await handle.write(bytes)
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break
              throw error
            }
          }
        }
      } finally {
        await handle.close()
      }
    },
    free: () => unlink(filler),
    restart: async () => {
      process.kill(serverPid, 'SIGTERM')
      expect(await exited).toBe(0)
      restarted = await spawnServer(copyDir, port, SAVE_TIMING)
      cleanups.push(async () => void restarted?.child.kill('SIGKILL'))
    },
    stop: async () => {
      if (restarted) {
        restarted.child.kill('SIGTERM')
        await restarted.exited
      } else if (exitCode === undefined) {
        process.kill(serverPid, 'SIGTERM')
        await exited
      }
    },
  }
  return rig
}

/** The in-process test server, its data directory behind the fault-injecting wrapper. */
async function wrapperRig(): Promise<Rig> {
  const dataDir = await tempDir('plenary-full-wrapped-')
  let output = ''
  const logger = {
    info: (message: string) => void (output += `${message}\n`),
    warn: (message: string, error?: unknown) => void (output += `${message} ${String(error ?? '')}\n`),
    error: (message: string, error?: unknown) => void (output += `${message} ${String(error ?? '')}\n`),
  }
  let server: TestServer = await startTestServer({ dataDir, logger })
  // Cleanups run last first: the disk gets room again before the server's final save.
  cleanups.push(() => server.stop())
  const disk: FullDisk = await installFullDisk(dataDir)
  cleanups.push(async () => disk.uninstall())
  const rig: Rig = {
    url: server.url,
    publicUrl: server.publicUrl,
    filesDir: () => dataDir,
    output: () => output,
    fill: async () => void (disk.full = true),
    free: async () => void (disk.full = false),
    restart: async () => {
      await server.stop()
      server = await startTestServer({ dataDir, logger })
      rig.url = server.url
      rig.publicUrl = server.publicUrl
    },
    stop: () => server.stop(),
  }
  return rig
}

async function metaFiles(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(path.join(dir, 'meta'))).sort()
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, 'meta', name))] as const)))
}

/**
 * True once `token` is in what a load would read of the statement's document: the
 * state and the log's whole records (Yjs keeps text as UTF-8). A torn record
 * that a failed append left behind does not count; loading cuts it off.
 */
async function onDisk(dir: string, statementId: string, token: string): Promise<boolean> {
  let found = false
  await readDataFiles(dir, { versions: false }, async (file) => {
    if (file.path.startsWith(`documents/${statementId}.`) && file.bytes.includes(token)) found = true
  })
  return found
}

async function fullDiskScenario(rig: Rig): Promise<void> {
  const admin = await new ApiClient(rig.url, rig.publicUrl).login(ADMIN.email, ADMIN.password)
  const statement = (await admin.post('/api/statements', { title: 'Written before the disk filled', visibility: 'members' })).body
  const writer = connectProvider({ url: rig.url, publicUrl: rig.publicUrl } as never, statement.id, admin.cookie)
  cleanups.push(async () => writer.provider.destroy())
  await synced(writer.provider)
  appendParagraph(writer.doc, 'before-full-token')
  await waitFor(() => onDisk(rig.filesDir(), statement.id, 'before-full-token'), { what: 'text on disk before the disk fills' })
  const metaBefore = await metaFiles(rig.filesDir())

  await rig.fill()
  // More than a page, so it cannot fit in what is left of the log's last page.
  const duringFull = `during-full-token ${'The Alliance welcomes the resolution. '.repeat(150)}`
  appendParagraph(writer.doc, duringFull)
  const refusedStatement = await admin.post('/api/statements', { title: 'Refused for want of space', visibility: 'members' })
  expect(refusedStatement.status).toBe(507)
  expect(refusedStatement.body.error.code).toBe('storage_full')
  const refusedVersion = await admin.post(`/api/statements/${statement.id}/versions`, { label: 'Refused too' })
  expect(refusedVersion.status).toBe(507)
  expect(refusedVersion.body.error.code).toBe('storage_full')
  const refusedLogin = await new ApiClient(rig.url, rig.publicUrl).request('POST', '/api/auth/login', ADMIN)
  expect([refusedLogin.status, refusedLogin.body.error?.code]).toEqual([507, 'storage_full'])

  // Memory holds what the disk holds: the refused writes are nowhere.
  const titles = (await admin.get('/api/statements')).body.statements.map((s: { title: string }) => s.title)
  expect(titles).toContain('Written before the disk filled')
  expect(titles).not.toContain('Refused for want of space')
  expect((await admin.get(`/api/statements/${statement.id}/versions`)).body.versions.map((v: { label: string | null }) => v.label)).not.toContain('Refused too')
  // The relay keeps the text in memory, serves it, and retries the save.
  await waitFor(() => /Saving statement \S+ failed/.test(rig.output()), { timeoutMs: 30_000, what: 'a failed save of the text' })
  expect((await admin.get(`/api/statements/${statement.id}/content?format=text`)).text).toContain('during-full-token')
  expect(await onDisk(rig.filesDir(), statement.id, 'during-full-token')).toBe(false)

  // Every file on disk is still valid, and the metadata is exactly what it was.
  await readDataFiles(rig.filesDir(), { versions: true }, async () => undefined)
  expect(await metaFiles(rig.filesDir())).toEqual(metaBefore)

  await rig.free()
  const accepted = await admin.post('/api/statements', { title: 'Written once there was room', visibility: 'members' })
  expect(accepted.status).toBe(201)
  await waitFor(() => onDisk(rig.filesDir(), statement.id, 'during-full-token'), { timeoutMs: 60_000, what: 'the retried save of the text' })
  writer.provider.destroy()

  await rig.restart()
  await readDataFiles(rig.filesDir(), { versions: true }, async () => undefined)
  const again = await new ApiClient(rig.url, rig.publicUrl).login(ADMIN.email, ADMIN.password)
  const text = (await again.get(`/api/statements/${statement.id}/content?format=text`)).text
  expect(text).toContain('before-full-token')
  expect(text).toContain('during-full-token')
  const titlesAfter = (await again.get('/api/statements')).body.statements.map((s: { title: string }) => s.title).sort()
  expect(titlesAfter).toEqual(['Written before the disk filled', 'Written once there was room'])
  await rig.stop()
}

describe('a full disk', { timeout: 240_000 }, () => {
  it('on a real 1 MiB tmpfs (unshare): 507 storage_full, memory unchanged, text kept and saved later, every file valid', async () => {
    if (!unshareWorks()) {
      console.warn('unshare cannot mount a tmpfs here: running the full-disk scenario on the fault-injecting wrapper instead')
      await fullDiskScenario(await wrapperRig())
      return
    }
    await fullDiskScenario(await tmpfsRig())
  })

  it('through the fault-injecting wrapper (writes cut in half, then ENOSPC): the same', async () => {
    await fullDiskScenario(await wrapperRig())
  })
})
