import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { takeBackup } from '../storage/backup/takeBackup.js'
import { decodeStateFile, hasStateHeader } from '../storage/files/stateFile.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { rawSocket } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/** Statement text is user data: no byte pattern in it may make its state file look damaged. */
describe('state files', () => {
  const servers: TestServer[] = []
  const dataDirs = new Set<string>()
  const cleanups: (() => void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    for (const server of servers.splice(0)) await server.stop().catch(() => undefined)
    for (const dataDir of dataDirs) await rm(dataDir, { recursive: true, force: true })
    dataDirs.clear()
  })
  async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
    const server = await startTestServer(options)
    servers.push(server)
    dataDirs.add(server.dataDir)
    return server
  }
  function connect(server: TestServer, statementId: string, cookie: string | undefined) {
    const client = connectProvider(server, statementId, cookie)
    cleanups.push(() => client.provider.destroy())
    return client
  }
  const textOf = async (server: TestServer, id: string) => (await (await server.admin()).get(`/api/statements/${id}/content?format=text`)).text
  const stateFileOf = (server: TestServer, id: string) => path.join(server.dataDir, 'documents', `${id}.state`)

  /** A statement holding `text` in its state file, written by the last editor leaving. */
  async function statementInStateFile(server: TestServer, text: string): Promise<string> {
    const admin = await server.admin()
    const id = (await admin.post('/api/statements', { title: 'Stored', visibility: 'members' })).body.id as string
    const writer = connect(server, id, admin.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, text)
    await waitFor(async () => (await textOf(server, id)) === text, { what: 'the relay to take the text' })
    writer.provider.destroy()
    // The last client leaving compacts the document into its state file.
    await waitFor(async () => !(await server.documents.peek(id)), { timeoutMs: 20_000, what: 'unload, which writes the state file' })
    return id
  }

  async function restart(server: TestServer): Promise<TestServer> {
    await server.stop()
    servers.splice(servers.indexOf(server), 1)
    return start({ dataDir: server.dataDir })
  }

  it('an editor who types 32 NUL characters cannot stop the server: it restarts and the text comes back', async () => {
    const server = await start()
    const text = `before${'\u0000'.repeat(32)}after`
    const id = await statementInStateFile(server, text)
    // The run of NULs the start once took for a block the disk never wrote.
    expect((await readFile(stateFileOf(server, id))).includes(Buffer.alloc(32))).toBe(true)

    const again = await restart(server)
    expect(await textOf(again, id)).toBe(text)
    const reader = connect(again, id, (await again.admin()).cookie)
    await synced(reader.provider)
    expect(reader.text()).toBe(`<paragraph>${text}</paragraph>`)
  })

  const damages: [string, (file: Buffer) => Buffer][] = [
    ['with a flipped bit', (file) => Buffer.from(file.map((byte, index) => (index === file.length - 5 ? byte ^ 0x04 : byte)))],
    ['cut in half', (file) => file.subarray(0, Math.floor(file.length / 2))],
    ['emptied', () => Buffer.alloc(0)],
    ['filled with zeros', (file) => Buffer.alloc(file.length)],
  ]
  it.each(damages)('a state file %s is refused while running (1011, REST 500) and at start, naming the file and the newest good backup', async (_damage, damage) => {
    const server = await start()
    const admin = await server.admin()
    const id = await statementInStateFile(server, 'Madam Chair, we welcome the resolution')
    const backup = await takeBackup(server.dataDir, { keep: 3 })
    const stateFile = stateFileOf(server, id)
    const damaged = damage(await readFile(stateFile))
    await writeFile(stateFile, damaged)

    const socket = rawSocket(server, id, admin.cookie)
    cleanups.push(() => socket.ws.terminate())
    await waitFor(() => socket.closeCode() === CloseCode.internalError, { what: 'close 1011' })
    const content = await admin.get(`/api/statements/${id}/content?format=text`)
    expect([content.status, content.body.error?.code]).toEqual([500, 'internal_error'])
    expect(await readFile(stateFile)).toEqual(damaged)

    await server.stop()
    servers.splice(servers.indexOf(server), 1)
    const starting = start({ dataDir: server.dataDir })
    await expect(starting).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: stateFile })
    await expect(starting).rejects.toThrow(`Document state file ${stateFile} is corrupt`)
    await expect(starting).rejects.toThrow(`The newest good backup holding documents/${id}.state is ${backup.path}`)
    await expect(starting).rejects.toThrow(`npm run restore -- ${backup.path}`)
    expect(await readFile(stateFile)).toEqual(damaged)
  })

  it('a state file from before the header loads, and the next compaction rewrites it with the header', async () => {
    const server = await start()
    const id = await statementInStateFile(server, 'Written in the old format')
    await server.stop()
    servers.splice(servers.indexOf(server), 1)
    const stateFile = stateFileOf(server, id)
    const bare = decodeStateFile(stateFile, await readFile(stateFile))
    await writeFile(stateFile, bare)

    const again = await start({ dataDir: server.dataDir })
    expect(await textOf(again, id)).toBe('Written in the old format')
    await waitFor(async () => !(await again.documents.peek(id)), { timeoutMs: 20_000, what: 'unload after the read' })
    // Reading alone writes nothing.
    expect(new Uint8Array(await readFile(stateFile))).toEqual(bare)

    const editor = connect(again, id, (await again.admin()).cookie)
    await synced(editor.provider)
    appendParagraph(editor.doc, 'Added after the upgrade')
    await waitFor(async () => (await textOf(again, id)).includes('Added after the upgrade'), { what: 'the edit' })
    editor.provider.destroy()
    await waitFor(async () => !(await again.documents.peek(id)), { timeoutMs: 20_000, what: 'unload, which compacts' })
    expect(hasStateHeader(await readFile(stateFile))).toBe(true)

    const third = await restart(again)
    expect(await textOf(third, id)).toBe('Written in the old format\nAdded after the upgrade')
  })
})
