import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { freePort, spawnFailingServer, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN, startTestServer } from './testServer.js'
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
