import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../shared/schema/statementExtensions.js'
import { decodeLog } from '../storage/files/logRecords.js'
import { decodeStateFile } from '../storage/files/stateFile.js'
import { ApiClient } from './apiClient.js'
import { connectProvider, synced } from './collabClient.js'
import { rawSocket, updateMessage, type RawSocket } from './rawSocket.js'
import { freePort, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN, startTestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * Content outside the statement schema (issue 6): the fuzz test once got a
 * bit-flipped `parag2aph` element accepted, sent to every client and saved,
 * and the server's own renderer then deleted it from the live document (the
 * automatic version when the last editor left), so a restart loaded something
 * else than what had been live. The relay now refuses such updates with 4400
 * (server/collab/schemaGuard.ts), and renders a copy of the document, never the
 * document itself (server/render/documentRenderer.ts).
 */

const schema = getSchema(statementExtensions)
/** Many sockets per test: more upgrades than one user may make per minute by default. */
const ENV = { MAX_UPGRADES_PER_MINUTE_PER_USER: '10000', MAX_UPGRADES_PER_MINUTE_PER_ADDRESS: '10000' }

type Endpoint = { url: string; publicUrl: string }

interface Live {
  /** The fragment as a client that joins now receives it. */
  xml: string
  json: unknown
  text: string
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** What the next server will load: the statement's state file and log, read without writing. */
async function persistedXml(dataDir: string, statementId: string): Promise<string> {
  const base = path.join(dataDir, 'documents', statementId)
  const doc = new Y.Doc()
  const state = await readIfExists(`${base}.state`)
  if (state) Y.applyUpdate(doc, decodeStateFile(`${base}.state`, state))
  const log = await readIfExists(`${base}.log`)
  if (log) {
    const decoded = decodeLog(log)
    if (decoded.kind === 'corrupt') throw new Error(`corrupt log for ${statementId}`)
    for (const update of decoded.updates) Y.applyUpdate(doc, update)
  }
  return doc.getXmlFragment(STATEMENT_FRAGMENT).toString()
}

/** Every file of one statement's document state, by name, with its bytes. */
async function documentFiles(dataDir: string, statementId: string): Promise<Record<string, string>> {
  const dir = path.join(dataDir, 'documents')
  const names = (await readdir(dir)).filter((name) => name.startsWith(`${statementId}.`)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(path.join(dir, name))).toString('hex')] as const)))
}

/** A stock provider joins, syncs, and leaves: what the server's live document holds. */
async function freshXml(server: Endpoint, statementId: string, cookie: string | undefined): Promise<string> {
  const client = connectProvider(server as never, statementId, cookie)
  try {
    await synced(client.provider)
    return client.text()
  } finally {
    client.provider.destroy()
  }
}

async function live(server: Endpoint, reader: ApiClient, statementId: string): Promise<Live> {
  const json = await reader.get(`/api/statements/${statementId}/content?format=json`)
  const text = await reader.get(`/api/statements/${statementId}/content?format=text`)
  expect(json.status).toBe(200)
  expect(text.status).toBe(200)
  return { xml: await freshXml(server, statementId, reader.cookie), json: json.body, text: text.text }
}

/** Document updates (sync step 2 or update) among the frames a raw socket received. */
function documentUpdatesIn(frames: Uint8Array[]): number {
  return frames.filter((frame) => {
    const decoder = decoding.createDecoder(frame)
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2
  }).length
}

/** Every element name in the fragment, depth first. */
function elementNames(fragment: Y.XmlFragment | Y.XmlElement): string[] {
  return fragment.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [child.nodeName, ...elementNames(child)] : []))
}

/** One of every node, mark and attribute of the statement schema, as the editor's JSON. */
const EVERY_NODE_AND_MARK = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain ' },
        { type: 'text', marks: [{ type: 'bold' }, { type: 'italic' }], text: 'bold italic' },
        { type: 'hardBreak' },
        { type: 'text', marks: [{ type: 'strike' }, { type: 'underline' }], text: 'struck' },
        { type: 'text', text: ' and ' },
        { type: 'text', marks: [{ type: 'code' }], text: 'code' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener', class: 'x', title: 'Example' } }], text: 'a link' },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bullet' }] }] }] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: 'a' },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Third' }] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }] }] }] }],
    },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'const a = 1' }] },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
}

describe('updates outside the statement schema', () => {
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  const sockets: RawSocket[] = []
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.terminate()
    for (const p of processes.splice(0)) p.child.kill('SIGKILL')
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })

  async function tempDir() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plenary-schema-'))
    dirs.push(dir)
    return dir
  }

  async function start(dataDir: string, port: number) {
    const server = await spawnServer(dataDir, port, ENV)
    processes.push(server)
    const endpoint: Endpoint = { url: server.url, publicUrl: `http://localhost:${port}` }
    const admin = await new ApiClient(endpoint.url, endpoint.publicUrl).login(ADMIN.email, ADMIN.password)
    return { server, endpoint, admin }
  }

  function openSocket(endpoint: Endpoint, statementId: string, cookie: string | undefined): RawSocket {
    const socket = rawSocket(endpoint as never, statementId, cookie)
    sockets.push(socket)
    return socket
  }

  it('refuses elements, attributes, marks and shared types outside the schema with 4400: not applied, not sent to others, not saved', async () => {
    const dataDir = await tempDir()
    const port = await freePort()
    const { server, endpoint, admin } = await start(dataDir, port)
    const { id } = (await admin.post('/api/statements', { title: 'Schema', visibility: 'members' })).body
    const honest = connectProvider(endpoint as never, id, admin.cookie)
    await synced(honest.provider)
    honest.doc.transact(() => prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Agreed ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'text' }] }] }, honest.doc.getXmlFragment(STATEMENT_FRAGMENT)))
    const honestXml = '<paragraph>Agreed <bold>text</bold></paragraph>'
    expect(honest.text()).toBe(honestXml)
    await waitFor(async () => (await persistedXml(dataDir, id)) === honestXml, { what: 'honest text saved' })
    const before = await live(endpoint, admin, id)
    const filesBefore = await documentFiles(dataDir, id)
    expect(before).toEqual({ xml: honestXml, json: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Agreed ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'text' }] }] }, text: 'Agreed text' })

    const paragraph = (doc: Y.Doc) => doc.getXmlFragment(STATEMENT_FRAGMENT).get(0) as Y.XmlElement
    const honestText = (doc: Y.Doc) => paragraph(doc).get(0) as Y.XmlText
    const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
      const el = new Y.XmlElement(name)
      el.insert(0, children)
      return el
    }
    const text = (value: string) => new Y.XmlText(value)
    const append = (doc: Y.Doc, child: unknown) => doc.getXmlFragment(STATEMENT_FRAGMENT).push([child as Y.XmlElement])
    const forgeries: [string, (doc: Y.Doc) => void][] = [
      ['the fuzz finding: an element <parag2aph>', (doc) => append(doc, element('parag2aph', text('Forged')))],
      ['an unknown element inside a known one', (doc) => paragraph(doc).push([element('script', text('x'))])],
      ['an element named doc', (doc) => append(doc, element('doc', text('x')))],
      ['an element named text', (doc) => append(doc, element('text'))],
      ['an inline node outside a textblock', (doc) => append(doc, element('hardBreak'))],
      ['a block node inside a textblock', (doc) => paragraph(doc).push([element('paragraph', text('inner'))])],
      ['text directly in the fragment', (doc) => append(doc, text('loose'))],
      ['text inside a node without inline content', (doc) => append(doc, element('bulletList', text('x')))],
      ['an attribute the node does not declare', (doc) => paragraph(doc).setAttribute('onclick', 'alert(1)')],
      ['a shared type as an attribute value', (doc) => paragraph(doc).setAttribute('level', new Y.Map() as never)],
      ['an attribute on text', (doc) => honestText(doc).setAttribute('style', 'x')],
      ['an unknown mark on honest text (the renderer deleted the whole text)', (doc) => honestText(doc).format(0, 6, { bogus: {} })],
      ['a known mark whose attributes are not an object', (doc) => honestText(doc).format(0, 6, { italic: 'x' })],
      ['an embed in text', (doc) => honestText(doc).insertEmbed(0, { image: 'x' })],
      ['plain values in an element', (doc) => paragraph(doc).insert(0, ['junk' as never])],
      ['an XmlHook in the fragment (the renderer threw)', (doc) => append(doc, new Y.XmlHook('hook'))],
      ['a Y.Map in the fragment (the renderer threw)', (doc) => append(doc, new Y.Map())],
      ['another root type', (doc) => doc.getMap('elsewhere').set('key', 'value')],
    ]

    const listener = openSocket(endpoint, id, admin.cookie)
    await listener.opened()
    await listener.roundTrip()
    const updatesBefore = documentUpdatesIn(listener.received)
    for (const [what, forge] of forgeries) {
      const forger = new Y.Doc()
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(honest.doc))
      const stateVector = Y.encodeStateVector(forger)
      forge(forger)
      const update = Y.encodeStateAsUpdate(forger, stateVector)
      const socket = openSocket(endpoint, id, admin.cookie)
      await socket.opened()
      socket.ws.send(updateMessage(update))
      await waitFor(() => socket.closeCode() !== null, { what: `a close for ${what}` })
      expect(socket.closeCode(), what).toBe(CloseCode.malformedMessage)
      // Anything broadcast was sent before the close; the listener's round trip comes after it.
      await listener.roundTrip()
      expect(documentUpdatesIn(listener.received), what).toBe(updatesBefore)
    }
    expect(listener.closeCode()).toBeNull()
    expect(honest.text()).toBe(honestXml)
    expect(await live(endpoint, admin, id)).toEqual(before)
    expect(await documentFiles(dataDir, id)).toEqual(filesBefore)

    honest.provider.destroy()
    listener.ws.close()
    server.child.kill('SIGKILL')
    await server.exited
    const restarted = await start(dataDir, port)
    expect(await live(restarted.endpoint, restarted.admin, id)).toEqual(before)
  }, 180_000)

  it('accepts every node, mark and attribute as the editor writes them; a read changes nothing; kill -9 and SIGTERM restarts load exactly what was live', async () => {
    const dataDir = await tempDir()
    const port = await freePort()
    const first = await start(dataDir, port)
    const { id } = (await first.admin.post('/api/statements', { title: 'Every node', visibility: 'members' })).body
    const writer = connectProvider(first.endpoint as never, id, first.admin.cookie)
    const watcher = connectProvider(first.endpoint as never, id, first.admin.cookie)
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    await synced(writer.provider)
    await synced(watcher.provider)
    const fragment = writer.doc.getXmlFragment(STATEMENT_FRAGMENT)
    // The two ways y-prosemirror writes: whole nodes when content appears, and a diff when it changes.
    const types = new Set(JSON.stringify(EVERY_NODE_AND_MARK).match(/"type":"\w+"/g)?.map((match) => match.slice(8, -1)))
    for (const name of [...Object.keys(schema.nodes), ...Object.keys(schema.marks)]) expect(types, name).toContain(name)
    writer.doc.transact(() => prosemirrorJSONToYXmlFragment(schema, EVERY_NODE_AND_MARK, fragment))
    const edited = structuredClone(EVERY_NODE_AND_MARK) as any
    edited.content[0].attrs.level = 3
    edited.content[1].content[1].marks = [{ type: 'italic' }]
    edited.content[4].attrs.start = 7
    edited.content.push({ type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'link', attrs: { href: 'mailto:chair@example.org' } }], text: 'Write to the chair' }] })
    const expected = schema.nodeFromJSON(edited)
    writer.doc.transact(() => updateYFragment(writer.doc, fragment, expected, { mapping: new Map(), isOMark: new Map() } as never))
    const names = new Set(elementNames(fragment))
    expect([...names].sort()).toEqual(Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text').sort())
    await waitFor(() => watcher.text() === writer.text(), { what: 'the other client to receive every edit' })
    await waitFor(async () => (await persistedXml(dataDir, id)) === writer.text(), { what: 'every edit saved' })
    expect(closes).toEqual([])

    const listener = openSocket(first.endpoint, id, first.admin.cookie)
    await listener.opened()
    await listener.roundTrip()
    const updatesBefore = documentUpdatesIn(listener.received)
    const before = await live(first.endpoint, first.admin, id)
    expect(before.xml).toBe(writer.text())
    expect(before.json).toEqual(expected.toJSON())
    expect((await first.admin.get(`/api/statements/${id}/content?format=html`)).status).toBe(200)
    // The renderer once deleted what it could not build from the live document, and sent that to everyone.
    await listener.roundTrip()
    expect(documentUpdatesIn(listener.received)).toBe(updatesBefore)

    // The last one to leave triggers an automatic version, rendered from the document, before the unload.
    listener.ws.close()
    writer.provider.destroy()
    watcher.provider.destroy()
    await waitFor(async () => (await first.admin.get(`/api/statements/${id}/versions`)).body.versions.length > 0, { what: 'the automatic version on last leave' })
    expect(await persistedXml(dataDir, id)).toBe(before.xml)
    first.server.child.kill('SIGKILL')
    await first.server.exited

    const second = await start(dataDir, port)
    expect(await live(second.endpoint, second.admin, id)).toEqual(before)
    second.server.child.kill('SIGTERM')
    expect(await second.server.exited).toBe(0)
    const third = await start(dataDir, port)
    expect(await live(third.endpoint, third.admin, id)).toEqual(before)
  }, 180_000)

  it('a document saved before the guard keeps its foreign element live and after a restart, and renders without it', async () => {
    let server = await startTestServer({ env: ENV })
    const dataDir = server.dataDir
    dirs.push(dataDir)
    const admin = await server.admin()
    const { id } = (await admin.post('/api/statements', { title: 'Old data', visibility: 'members' })).body
    await server.stop()
    const old = new Y.Doc()
    old.transact(() => prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Marked' }] }] }, old.getXmlFragment(STATEMENT_FRAGMENT)))
    const foreign = new Y.XmlElement('parag2aph')
    foreign.insert(0, [new Y.XmlText('Foreign')])
    old.getXmlFragment(STATEMENT_FRAGMENT).push([foreign])
    ;((old.getXmlFragment(STATEMENT_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 6, { bogus: {} })
    const oldXml = old.getXmlFragment(STATEMENT_FRAGMENT).toString()
    await writeFile(path.join(dataDir, 'documents', `${id}.state`), Y.encodeStateAsUpdate(old))

    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept' }] }, { type: 'paragraph' }] }
    for (let round = 0; round < 2; round += 1) {
      server = await startTestServer({ dataDir, env: ENV })
      const reader = await server.admin()
      const listener = rawSocket(server, id, reader.cookie)
      sockets.push(listener)
      await listener.opened()
      await listener.roundTrip()
      const updatesBefore = documentUpdatesIn(listener.received)
      expect(await live(server, reader, id), `round ${round}`).toEqual({ xml: oldXml, json, text: 'Kept' })
      await listener.roundTrip()
      expect(documentUpdatesIn(listener.received), `round ${round}`).toBe(updatesBefore)
      listener.ws.close()
      await server.stop()
    }
  }, 120_000)
})
