import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { createDocumentLog } from '../storage/files/documentLog.js'
import { RECORD_HEADER_BYTES } from '../storage/files/logRecords.js'
import { decodeStateFile } from '../storage/files/stateFile.js'
import type { DocumentStateStore } from '../storage/ports.js'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { rawSocket } from './rawSocket.js'
import { freePort, spawnFailingServer, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN, startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/** True once `token` is in the statement's files on disk (Yjs stores text as UTF-8). */
async function onDisk(dataDir: string, statementId: string, token: string): Promise<boolean> {
  const dir = path.join(dataDir, 'documents')
  const files = (await readdir(dir)).filter((f) => f.startsWith(statementId))
  for (const file of files) {
    if ((await readFile(path.join(dir, file))).includes(token)) return true
  }
  return false
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1
}

/** Every file of one statement's document state, by name, with its bytes. */
async function documentFiles(dataDir: string, statementId: string): Promise<Record<string, string>> {
  const dir = path.join(dataDir, 'documents')
  const names = (await readdir(dir)).filter((name) => name.startsWith(`${statementId}.`)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(path.join(dir, name))).toString('hex')] as const)))
}

/** Wraps the document store so that appends for chosen statements hang until released, or fail a number of times first. */
function faultyAppends() {
  const hanging = new Map<string, { started: number; release: () => void; released: Promise<void> }>()
  const failures = new Map<string, { remaining: number; attempts: number }>()
  return {
    wrap: (store: DocumentStateStore): DocumentStateStore => ({
      load: (id) => store.load(id),
      compact: (id, state) => store.compact(id, state),
      append: async (id, update) => {
        const failing = failures.get(id)
        if (failing) {
          failing.attempts += 1
          if (failing.remaining > 0) {
            failing.remaining -= 1
            throw new Error('EIO: simulated write failure')
          }
        }
        const hang = hanging.get(id)
        if (hang) {
          hang.started += 1
          await hang.released
        }
        return store.append(id, update)
      },
    }),
    hang(id: string) {
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const entry = { started: 0, release, released }
      hanging.set(id, entry)
      return entry
    },
    fail(id: string, times: number) {
      const entry = { remaining: times, attempts: 0 }
      failures.set(id, entry)
      return entry
    },
  }
}

describe('persistence', () => {
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  afterEach(async () => {
    for (const p of processes.splice(0)) p.child.kill('SIGKILL')
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  async function tempDir() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plenary-persist-'))
    dirs.push(dir)
    return dir
  }

  it('keeps statements, accounts and text across a graceful restart', async () => {
    const first = await startTestServer({ dataDir: await tempDir() })
    const admin = await first.admin()
    const statement = (await admin.post('/api/statements', { title: 'Durable', visibility: 'members' })).body
    const writer = connectProvider(first, statement.id, admin.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Written before the restart')
    await waitFor(async () => (await admin.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('restart'))
    writer.provider.destroy()
    await first.stop()

    const second = await startTestServer({ dataDir: first.dataDir })
    const again = await second.admin()
    expect((await again.get(`/api/statements/${statement.id}`)).body.title).toBe('Durable')
    expect((await again.get(`/api/statements/${statement.id}/content?format=text`)).text).toBe('Written before the restart')
    await second.stop()
  })

  it('SIGTERM saves edits that were still waiting for their debounce', async () => {
    const dataDir = await tempDir()
    const port = await freePort()
    // A long debounce: without the shutdown flush, the edit would not be on disk.
    const server = await spawnServer(dataDir, port, { SAVE_DEBOUNCE_MS: '60000', SAVE_MAX_WAIT_MS: '60000' })
    processes.push(server)
    const admin = await new ApiClient(server.url, `http://localhost:${port}`).login(ADMIN.email, ADMIN.password)
    const statement = (await admin.post('/api/statements', { title: 'Signal', visibility: 'members' })).body
    const fakeServer = { url: server.url, publicUrl: `http://localhost:${port}` } as never
    const writer = connectProvider(fakeServer, statement.id, admin.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'sigterm-token')
    await waitFor(async () => (await admin.get(`/api/statements/${statement.id}/content?format=text`)).text === 'sigterm-token')
    expect(await onDisk(dataDir, statement.id, 'sigterm-token')).toBe(false)
    writer.provider.destroy()
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(await onDisk(dataDir, statement.id, 'sigterm-token')).toBe(true)
  })

  it('after kill -9, keeps what was saved, and reconnecting clients restore the rest exactly once', async () => {
    const dataDir = await tempDir()
    const port = await freePort()
    const publicUrl = `http://localhost:${port}`
    const first = await spawnServer(dataDir, port)
    processes.push(first)
    const admin = await new ApiClient(first.url, publicUrl).login(ADMIN.email, ADMIN.password)
    const statement = (await admin.post('/api/statements', { title: 'Crash', visibility: 'members' })).body
    const writer = connectProvider({ url: first.url, publicUrl } as never, statement.id, admin.cookie)
    await synced(writer.provider)

    appendParagraph(writer.doc, 'saved-token')
    await waitFor(() => onDisk(dataDir, statement.id, 'saved-token'), { what: 'saved-token on disk' })
    appendParagraph(writer.doc, 'in-flight-token')
    first.child.kill('SIGKILL')
    await first.exited

    const second = await spawnServer(dataDir, port)
    processes.push(second)
    // The server alone, before the writer is back: what was saved survived.
    const reader = await new ApiClient(second.url, publicUrl).login(ADMIN.email, ADMIN.password)
    const afterCrash = (await reader.get(`/api/statements/${statement.id}/content?format=text`)).text
    expect(afterCrash).toContain('saved-token')

    // The writer's provider reconnects by itself and re-syncs what it holds.
    await waitFor(async () => (await reader.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('in-flight-token'), {
      timeoutMs: 20_000,
      what: 'reconnected client to restore in-flight-token',
    })
    const final = (await reader.get(`/api/statements/${statement.id}/content?format=text`)).text
    expect(occurrences(final, 'saved-token')).toBe(1)
    expect(occurrences(final, 'in-flight-token')).toBe(1)
    writer.provider.destroy()
  })

  it('refuses a second server on the same DATA_DIR with a clear message', async () => {
    const dataDir = await tempDir()
    const first = await spawnServer(dataDir, await freePort())
    processes.push(first)
    const second = await spawnFailingServer(dataDir, await freePort())
    expect(second.code).toBe(1)
    expect(second.output).toMatch(/Another Plenary server \(pid \d+\) is using DATA_DIR/)
    // The first server is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200)
  })
})

describe('storage faults', () => {
  const servers: TestServer[] = []
  const cleanups: (() => void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    for (const server of servers.splice(0)) await server.stop({ removeData: true }).catch(() => undefined)
  })
  async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
    const server = await startTestServer(options)
    servers.push(server)
    return server
  }
  async function restart(server: TestServer): Promise<TestServer> {
    await server.stop()
    servers.splice(servers.indexOf(server), 1)
    return start({ dataDir: server.dataDir })
  }
  function connect(server: TestServer, statementId: string, cookie: string | undefined) {
    const client = connectProvider(server, statementId, cookie)
    const closes: number[] = []
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    cleanups.push(() => client.provider.destroy())
    return { ...client, closes }
  }
  const textOf = async (server: TestServer, id: string) => {
    const res = await (await server.admin()).get(`/api/statements/${id}/content?format=text`)
    return res.text
  }

  it('a save that hangs blocks neither editing nor other statements, keeps the document in memory, and saves everything once the write completes', async () => {
    const faults = faultyAppends()
    const server = await start({ wrapDocuments: faults.wrap })
    const admin = await server.admin()
    const slow = (await admin.post('/api/statements', { title: 'Slow disk', visibility: 'members' })).body.id as string
    const other = (await admin.post('/api/statements', { title: 'Elsewhere', visibility: 'members' })).body.id as string
    const hang = faults.hang(slow)
    const writer = connect(server, slow, admin.cookie)
    const reader = connect(server, slow, admin.cookie)
    await Promise.all([synced(writer.provider), synced(reader.provider)])

    appendParagraph(writer.doc, 'before-the-hang')
    await waitFor(() => hang.started > 0, { what: 'a save to start and hang' })
    appendParagraph(writer.doc, 'during-the-hang')
    await waitFor(() => reader.text().includes('during-the-hang'), { what: 'editing to go on while the save hangs' })

    const elsewhere = connect(server, other, admin.cookie)
    await synced(elsewhere.provider)
    appendParagraph(elsewhere.doc, 'other-statement-saved')
    await waitFor(() => onDisk(server.dataDir, other, 'other-statement-saved'), { what: 'the other statement to be saved' })
    expect(await onDisk(server.dataDir, slow, 'before-the-hang')).toBe(false)

    // Everyone leaves: the room is not unloaded while its save runs, so a read still sees the text
    // (a reload would find nothing on disk).
    writer.provider.destroy()
    reader.provider.destroy()
    await waitFor(() => server.documents.loadedRoom(slow)?.holds === 0, { what: 'the last holder to leave' })
    expect(await textOf(server, slow)).toBe('before-the-hang\nduring-the-hang')
    expect(server.documents.loadedRoom(slow)?.hasUnsavedChanges()).toBe(true)

    hang.release()
    await waitFor(() => onDisk(server.dataDir, slow, 'during-the-hang'), { what: 'everything to be saved once the write completes' })
    await waitFor(async () => !(await server.documents.peek(slow)), { what: 'unload once saved' })
    const again = await restart(server)
    expect(await textOf(again, slow)).toBe('before-the-hang\nduring-the-hang')
    expect(await textOf(again, other)).toBe('other-statement-saved')
  })

  it('a failing save keeps the document in memory, even after everyone left, and is retried until it is on disk', async () => {
    const faults = faultyAppends()
    const server = await start({ wrapDocuments: faults.wrap })
    const admin = await server.admin()
    const id = (await admin.post('/api/statements', { title: 'Failing disk', visibility: 'members' })).body.id as string
    const failing = faults.fail(id, 3)
    const writer = connect(server, id, admin.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'retried-token')
    await waitFor(() => failing.attempts >= 2, { what: 'a failed save and a retry' })
    expect(await onDisk(server.dataDir, id, 'retried-token')).toBe(false)
    writer.provider.destroy()
    expect(await textOf(server, id)).toBe('retried-token')

    await waitFor(() => onDisk(server.dataDir, id, 'retried-token'), { timeoutMs: 20_000, what: 'a retry to succeed' })
    expect(failing.attempts).toBe(4)
    await waitFor(async () => !(await server.documents.peek(id)), { timeoutMs: 20_000, what: 'unload once saved' })
    const again = await restart(server)
    expect(await textOf(again, id)).toBe('retried-token')
  })

  type Damage = 'garbage in .state' | 'zero bytes in .state' | 'a damaged record in the middle of .log'
  // Damage found when a statement is opened while the server runs (start-up checks every file, see backup.test.ts).
  it.each<Damage>(['garbage in .state', 'zero bytes in .state', 'a damaged record in the middle of .log'])(
    'refuses a statement with %s (1011), never serves or writes it, serves the others, and loads it once repaired',
    async (damage) => {
      const server = await start()
      const admin = await server.admin()
      const broken = (await admin.post('/api/statements', { title: 'Damaged', visibility: 'members' })).body.id as string
      const fine = (await admin.post('/api/statements', { title: 'Healthy', visibility: 'members' })).body.id as string
      const writer = connect(server, broken, admin.cookie)
      await synced(writer.provider)
      appendParagraph(writer.doc, 'Stored before the damage')
      await waitFor(async () => (await textOf(server, broken)) === 'Stored before the damage', { what: 'the edit' })
      writer.provider.destroy()
      await waitFor(async () => !(await server.documents.peek(broken)), { what: 'unload, which folds the log into .state' })

      const documents = path.join(server.dataDir, 'documents')
      const stateFile = path.join(documents, `${broken}.state`)
      let expected = 'Stored before the damage'
      if (damage === 'a damaged record in the middle of .log') {
        // Three more saves as the relay appends them (the statement is not loaded: no other writer).
        const doc = new Y.Doc()
        Y.applyUpdate(doc, decodeStateFile(stateFile, await readFile(stateFile)))
        const updates: Uint8Array[] = []
        doc.on('update', (update: Uint8Array) => updates.push(update))
        for (const text of ['Logged one', 'Logged two', 'Logged three']) appendParagraph(doc, text)
        const log = createDocumentLog(documents)
        for (const update of updates) await log.append(broken, update)
        await log.close()
        expected += '\nLogged one\nLogged two\nLogged three'
      }
      const healthy = await documentFiles(server.dataDir, broken)
      if (damage === 'garbage in .state') await writeFile(stateFile, 'not a Yjs update, whatever it was')
      if (damage === 'zero bytes in .state') await writeFile(stateFile, Buffer.alloc(4096))
      if (damage === 'a damaged record in the middle of .log') {
        const logFile = path.join(documents, `${broken}.log`)
        const bytes = await readFile(logFile)
        const second = RECORD_HEADER_BYTES + bytes.readUInt32BE(0)
        bytes[second + RECORD_HEADER_BYTES + 2]! ^= 0x10 // a flipped bit in the second record's payload
        await writeFile(logFile, bytes)
      }
      const damaged = await documentFiles(server.dataDir, broken)
      expect(damaged).not.toEqual(healthy)

      const socket = rawSocket(server, broken, admin.cookie)
      cleanups.push(() => socket.ws.terminate())
      await waitFor(() => socket.closeCode() === CloseCode.internalError, { what: 'close 1011' })
      // A stock provider keeps trying, and is refused every time, with nothing to sync.
      const reader = connect(server, broken, admin.cookie)
      await waitFor(() => reader.closes.filter((code) => code === CloseCode.internalError).length >= 3, { what: 'three refused attempts' })
      expect(reader.provider.synced).toBe(false)
      expect(reader.text()).toBe('')
      const content = await admin.get(`/api/statements/${broken}/content?format=text`)
      expect([content.status, content.body.error?.code]).toEqual([500, 'internal_error'])
      expect(server.documents.loadedRoom(broken)).toBeUndefined()

      const elsewhere = connect(server, fine, admin.cookie)
      await synced(elsewhere.provider)
      appendParagraph(elsewhere.doc, 'Other statements keep working')
      await waitFor(() => onDisk(server.dataDir, fine, 'Other statements keep working'), { what: 'the healthy statement to be saved' })
      expect(await documentFiles(server.dataDir, broken)).toEqual(damaged)

      // Restored from a backup: the waiting provider gets in by itself and receives the text, once.
      // Each file is replaced whole (temp file, rename) so that no attempt reads half a repair.
      for (const [name, hex] of Object.entries(healthy)) {
        await writeFile(path.join(documents, `${name}.repair`), Buffer.from(hex, 'hex'))
        await rename(path.join(documents, `${name}.repair`), path.join(documents, name))
      }
      await waitFor(() => reader.provider.synced, { timeoutMs: 20_000, what: 'the provider to get in after the repair' })
      await waitFor(() => reader.text().includes(expected.split('\n').at(-1)!), { what: 'the text to reach the provider' })
      expect(await textOf(server, broken)).toBe(expected)
      expect(occurrences(reader.text(), 'Stored before the damage')).toBe(1)
    },
  )
})
