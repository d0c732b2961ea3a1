import net from 'node:net'
import { getSchema } from '@tiptap/core'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import type WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../shared/schema/statementExtensions.js'
import { createStatement, seedAlliance, type Alliance } from './alliance.js'
import { appendParagraph, browserHeaders, connectProvider, socketClass, synced } from './collabClient.js'
import { chainChunk, emptyParagraph } from './costlyUpdates.js'
import { rawSocket, updateMessage, type RawSocket } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * Seeded protocol fuzzing against the real server. The seed is printed; rerun a
 * failure with FUZZ_SEED=<seed> npx vitest run server/test/protocolFuzz.test.ts
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
const ITERATIONS = 300
const PRE_AUTH_ITERATIONS = 60
/** The barrage reopens a socket after every close: far more upgrades than one user may make per minute by default. */
const FUZZ_ENV = { MAX_UPGRADES_PER_MINUTE_PER_USER: '100000', MAX_UPGRADES_PER_MINUTE_PER_ADDRESS: '100000' }
console.log(`protocolFuzz: FUZZ_SEED=${SEED}`)

type Gen = prng.PRNG

const schema = getSchema(statementExtensions)

/** Element names and formatting keys in the fragment that the statement schema does not have. */
function outsideSchema(parent: Y.XmlFragment | Y.XmlElement): string[] {
  return parent.toArray().flatMap((child): string[] => {
    if (child instanceof Y.XmlElement) return [...(Object.hasOwn(schema.nodes, child.nodeName) ? [] : [`<${child.nodeName}>`]), ...outsideSchema(child)]
    const keys: string[] = (child as Y.XmlText).toDelta().flatMap((op: { attributes?: Record<string, unknown> }) => Object.keys(op.attributes ?? {}))
    return keys.filter((key) => !Object.hasOwn(schema.marks, key.replace(/--[a-zA-Z0-9+/=]{8}$/, ''))).map((key) => `mark ${key}`)
  })
}

/** A WebSocket class that keeps a copy of every frame the provider sends: real traffic to mutate. */
function recordingSocketClass(headers: Record<string, string>, sink: Uint8Array[]): typeof WebSocket {
  const Base = socketClass(headers)
  return class extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      const send = this.send.bind(this)
      this.send = ((data: unknown, ...rest: never[]) => {
        if (data instanceof Uint8Array) sink.push(data.slice())
        ;(send as (...args: unknown[]) => void)(data, ...rest)
      }) as typeof this.send
    }
  } as unknown as typeof WebSocket
}

function varUintBytes(value: number): number[] {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, value)
  return [...encoding.toUint8Array(encoder)]
}

function bitFlipped(gen: Gen, frame: Uint8Array): Uint8Array {
  const copy = frame.slice()
  const flips = prng.int32(gen, 1, 3)
  for (let i = 0; i < flips && copy.byteLength > 0; i += 1) {
    const at = prng.int32(gen, 0, copy.byteLength - 1)
    copy[at] = (copy[at] as number) ^ (1 << prng.int32(gen, 0, 7))
  }
  return copy
}

/** `frame` with `bytes` inserted at a random position. */
function spliced(gen: Gen, frame: Uint8Array, bytes: number[]): Uint8Array {
  const at = prng.int32(gen, 0, frame.byteLength)
  return new Uint8Array([...frame.subarray(0, at), ...bytes, ...frame.subarray(at)])
}

function written(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Well-formed updates whose cost in Yjs grows with the square of their size,
 * or that Yjs takes but can never encode again; server/collab/updateValidator.ts
 * refuses each before Yjs reads it.
 */
const COSTLY_UPDATES: (() => Uint8Array)[] = [
  // 60,000 delete ranges, each over the same 2^20 clocks: Yjs walks every struct of every range.
  () => written((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1_000_001)
    encoding.writeVarUint(e, 60_000)
    for (let i = 0; i < 60_000; i += 1) {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 2 ** 20)
    }
  }),
  // 20,000 entries of one attribute without an origin: Yjs walks the attribute's history for each (1.2 s measured).
  () => written((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 20_000)
    encoding.writeVarUint(e, 1_000_002)
    encoding.writeVarUint(e, 0)
    for (let i = 0; i < 20_000; i += 1) {
      encoding.writeUint8(e, 8 | 0b0010_0000)
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, 'default')
      encoding.writeVarString(e, 'level')
      encoding.writeVarUint(e, 1)
      encoding.writeUint8(e, 126)
    }
    encoding.writeVarUint(e, 0)
  }),
  // A count of 2^50 structs that would each read nothing (Yjs throws at the end of the input; the validator earlier).
  () => written((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 2 ** 50), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 0))),
  // An embed nested 100,000 deep: JSON.parse takes it, JSON.stringify (every later save) overflows the stack.
  () => written((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1_000_003)
    encoding.writeVarUint(e, 0)
    encoding.writeUint8(e, 5)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, 'default')
    encoding.writeVarString(e, `${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    encoding.writeVarUint(e, 0)
  }),
]

/** One hostile frame; `recorded` is real client traffic captured from a provider session. */
function hostileFrame(gen: Gen, recorded: Uint8Array[]): { kind: string; frame: Uint8Array } {
  const pick = () => prng.oneOf(gen, recorded)
  const kinds: (() => { kind: string; frame: Uint8Array })[] = [
    () => ({ kind: 'random bytes', frame: prng.uint8Array(gen, prng.int32(gen, 0, 64)) }),
    () => ({ kind: 'truncated varint', frame: new Uint8Array([...varUintBytes(prng.int32(gen, 0, 3)), ...Array.from({ length: prng.int32(gen, 1, 6) }, () => 0x80 | prng.int32(gen, 0, 127))]) }),
    () => ({ kind: 'oversized varint', frame: new Uint8Array([...Array.from({ length: prng.int32(gen, 9, 16) }, () => 0xff), 0x7f]) }),
    () => ({ kind: 'length beyond the frame', frame: new Uint8Array([0, prng.int32(gen, 0, 2), ...varUintBytes(prng.uint32(gen, 100, 2 ** 31)), ...prng.uint8Array(gen, 8)]) }),
    () => ({ kind: 'unknown message type', frame: new Uint8Array([...varUintBytes(prng.int32(gen, 4, 100_000)), ...prng.uint8Array(gen, prng.int32(gen, 0, 16))]) }),
    () => ({ kind: 'unknown sync type', frame: new Uint8Array([0, ...varUintBytes(prng.int32(gen, 3, 1000)), 1, 0]) }),
    () => ({ kind: 'empty update', frame: updateMessage(new Uint8Array([0, 0]), prng.int32(gen, 1, 2)) }),
    () => ({ kind: 'bit-flipped recording', frame: bitFlipped(gen, pick()) }),
    () => {
      const frame = pick()
      return { kind: 'truncated recording', frame: frame.subarray(0, prng.int32(gen, 0, Math.max(0, frame.byteLength - 1))) }
    },
    () => ({ kind: 'replayed recording', frame: pick() }),
    () => ({ kind: 'oversized varint inside a recording', frame: spliced(gen, pick(), [...Array.from({ length: prng.int32(gen, 9, 12) }, () => 0x80 | prng.int32(gen, 0, 127)), 1]) }),
    () => ({ kind: 'truncated varint inside a recording', frame: (() => {
      const frame = pick()
      return new Uint8Array([...frame.subarray(0, prng.int32(gen, 0, frame.byteLength)), 0x80 | prng.int32(gen, 0, 127)])
    })() }),
    () => ({ kind: 'update of costly shape', frame: updateMessage(prng.oneOf(gen, COSTLY_UPDATES)(), prng.int32(gen, 1, 2)) }),
  ]
  return prng.oneOf(gen, kinds)()
}

describe(`protocol fuzzing (FUZZ_SEED=${SEED})`, () => {
  let server: TestServer
  let alliance: Alliance
  const recorded: Uint8Array[] = []
  const gen = prng.create(SEED)

  beforeAll(async () => {
    server = await startTestServer({ env: FUZZ_ENV })
    alliance = await seedAlliance(server)
    // Real traffic: two stock providers join, type in turns and at once, show presence, and leave.
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const clients = [alliance.drafter.cookie, alliance.coordinator.cookie].map((cookie, n) => {
      // The recording's client ids come from the seed too, so that a seed replays the same bytes.
      const doc = new Y.Doc()
      doc.clientID = prng.uint32(gen, 1, 2 ** 31)
      const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/collab`, id, doc, {
        disableBc: true,
        WebSocketPolyfill: recordingSocketClass(browserHeaders(server, cookie), recorded) as never,
      })
      provider.awareness.setLocalStateField('user', { name: `Recorder ${n}`, color: '#123456' })
      return { doc, provider }
    })
    await Promise.all(clients.map(({ provider }) => synced(provider)))
    for (let i = 0; i < 6; i += 1) appendParagraph(clients[i % 2]!.doc, `Recorded paragraph ${i}`)
    await waitFor(() => clients[0]!.doc.getXmlFragment('default').length === 6 && clients[1]!.doc.getXmlFragment('default').length === 6, { what: 'both recorders see six paragraphs' })
    const [first, second] = clients.map(({ doc }) => doc.getXmlFragment('default').get(0) as Y.XmlElement)
    ;(first!.get(0) as Y.XmlText).insert(0, 'Early ', { bold: true })
    ;(second!.get(0) as Y.XmlText).insert(0, 'Concurrent ')
    clients[1]!.doc.getXmlFragment('default').delete(5, 1)
    await waitFor(async () => (await alliance.drafter.get(`/api/statements/${id}/content?format=text`)).text.includes('Concurrent'), { what: 'recording saved' })
    for (const { provider } of clients) provider.destroy()
    expect(recorded.length).toBeGreaterThan(10)
  })
  afterAll(() => server?.stop({ removeData: true }))

  it('before authentication: raw bytes at the upgrade path get 401 or a closed socket, and the process stays up', async () => {
    const { port } = new URL(server.url)
    for (let i = 0; i < PRE_AUTH_ITERATIONS; i += 1) {
      const withRequest = prng.bool(gen)
      const tail = prng.uint8Array(gen, prng.int32(gen, 0, 256))
      const request = withRequest
        ? Buffer.concat([
            Buffer.from(`GET /collab/${prng.word(gen, 1, 12)} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
            tail,
          ])
        : Buffer.from(tail)
      const response = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1')
        let received = ''
        socket.on('data', (chunk) => (received += chunk.toString('latin1')))
        socket.on('error', () => undefined)
        socket.on('close', () => resolve(received))
        socket.setTimeout(5000, () => reject(new Error(`iteration ${i}: no answer within 5 s`)))
        socket.end(request)
      })
      if (withRequest) expect(response, `iteration ${i}`).toMatch(/^HTTP\/1\.1 401 /)
      else expect(response === '' || response.startsWith('HTTP/1.1 4'), `iteration ${i}: ${response.slice(0, 40)}`).toBe(true)
    }
    expect((await alliance.coordinator.get('/api/health')).body).toEqual({ ok: true })
  })

  /** Sends ITERATIONS hostile frames, opening a new socket whenever the server closes one; returns the close codes seen. */
  async function barrage(statementId: string, cookie: string | undefined): Promise<Map<number, number>> {
    const closes = new Map<number, number>()
    let socket: RawSocket | null = null
    const count = (s: RawSocket) => closes.set(s.closeCode() as number, (closes.get(s.closeCode() as number) ?? 0) + 1)
    for (let i = 0; i < ITERATIONS; i += 1) {
      if (!socket || socket.closeCode() !== null) {
        if (socket) count(socket)
        socket = rawSocket(server, statementId, cookie)
        await socket.opened()
      }
      const { kind, frame } = hostileFrame(gen, recorded)
      socket.ws.send(frame)
      // Wait until the frame is handled (answered or the socket closed) before the next: no sleeps.
      await socket.roundTrip().catch((error: Error) => {
        throw new Error(`iteration ${i} (${kind}, ${Buffer.from(frame).toString('hex')}): ${error.message}`)
      })
    }
    if (socket) {
      if (socket.closeCode() !== null) count(socket)
      socket.ws.close()
    }
    return closes
  }

  it('after authentication: nothing a read-only connection sends reaches the document or the store', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })
    const honest = connectProvider(server, id, alliance.drafter.cookie)
    await synced(honest.provider)
    appendParagraph(honest.doc, 'Honest before')
    const textOf = async () => (await alliance.drafter.get(`/api/statements/${id}/content?format=text`)).text as string
    await waitFor(async () => (await textOf()) === 'Honest before', { what: 'honest text saved' })

    const closes = await barrage(id, alliance.outsider.cookie)
    console.log(`protocolFuzz read-only barrage close codes: ${JSON.stringify([...closes])}`)

    expect((await alliance.coordinator.get('/api/health')).body).toEqual({ ok: true })
    const other = connectProvider(server, id, alliance.coordinator.cookie)
    await synced(other.provider)
    appendParagraph(honest.doc, 'Honest after')
    await waitFor(() => other.text() === honest.text() && honest.text().includes('Honest after'), { what: 'convergence after the barrage' })
    expect(honest.text()).toBe('<paragraph>Honest before</paragraph><paragraph>Honest after</paragraph>')
    honest.provider.destroy()
    other.provider.destroy()
    await waitFor(async () => !(await server.documents.peek(id)), { what: 'unload' })

    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir, env: FUZZ_ENV })
    const admin = await server.admin()
    expect((await admin.get(`/api/statements/${id}/content?format=text`)).text).toBe('Honest before\nHonest after')
    alliance = { ...alliance, coordinator: await relogin('coordinator@alliance.test'), drafter: await relogin('drafter@drafting.test'), outsider: await relogin('outsider@other.test') }
  })

  async function relogin(email: string) {
    return server.client().login(email, 'member-password-1')
  }

  it('after authentication: an editor’s barrage keeps the server up, others editing, and the document loadable after a restart', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const honest = connectProvider(server, id, alliance.coordinator.cookie)
    await synced(honest.provider)
    appendParagraph(honest.doc, 'Honest before')

    const closes = await barrage(id, alliance.drafter.cookie)
    console.log(`protocolFuzz editor barrage close codes: ${JSON.stringify([...closes])}`)

    expect((await alliance.coordinator.get('/api/health')).body).toEqual({ ok: true })
    const other = connectProvider(server, id, alliance.drafter.cookie)
    await synced(other.provider)
    appendParagraph(honest.doc, 'Honest after')
    await waitFor(() => other.text() === honest.text() && honest.text().includes('Honest after'), { what: `convergence after the barrage: ${honest.text()} vs ${other.text()}` })
    // What the barrage got accepted is inside the schema (server/collab/schemaGuard.ts), so what is live now is what a restart loads.
    const live = honest.text()
    const liveJson = (await alliance.coordinator.get(`/api/statements/${id}/content?format=json`)).body
    expect(outsideSchema(honest.doc.getXmlFragment(STATEMENT_FRAGMENT))).toEqual([])

    honest.provider.destroy()
    other.provider.destroy()
    await waitFor(async () => !(await server.documents.peek(id)), { what: 'unload' })

    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir, env: FUZZ_ENV })
    const admin = await server.admin()
    const content = await admin.get(`/api/statements/${id}/content?format=text`)
    expect(content.status).toBe(200)
    expect(content.text).toContain('Honest after')
    const reloaded = connectProvider(server, id, admin.cookie)
    await synced(reloaded.provider)
    // Forged but valid updates may add text anywhere, so the honest paragraphs are only contained;
    // the restart must load exactly what was live (a forged `parag2aph` element once was not).
    expect(reloaded.text()).toContain('<paragraph>Honest before</paragraph>')
    expect(reloaded.text()).toContain('<paragraph>Honest after</paragraph>')
    expect(reloaded.text()).toBe(live)
    expect((await admin.get(`/api/statements/${id}/content?format=json`)).body).toEqual(liveJson)
    reloaded.provider.destroy()
  })

  /** The barrage tests restart the server: sign everyone in again on the one running now. */
  async function signInAgain(): Promise<void> {
    alliance = { ...alliance, coordinator: await relogin('coordinator@alliance.test'), drafter: await relogin('drafter@drafting.test'), outsider: await relogin('outsider@other.test') }
  }

  it('after authentication: every truncation of a recorded update, and an oversized varint at every position in it, is refused', async () => {
    await signInAgain()
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const honest = connectProvider(server, id, alliance.coordinator.cookie)
    await synced(honest.provider)
    appendParagraph(honest.doc, 'Honest')
    const textOf = async () => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text as string
    await waitFor(async () => (await textOf()) === 'Honest' && !server.documents.loadedRoom(id)?.hasUnsavedChanges(), { what: 'honest text saved' })
    const updates = recorded.filter((frame) => frame[0] === 0 && frame[1] === 2)
    const frame = updates.reduce((shortest, f) => (f.byteLength < shortest.byteLength ? f : shortest))
    const variants: Uint8Array[] = []
    for (let at = 0; at <= frame.byteLength; at += 1) {
      if (at < frame.byteLength) variants.push(frame.subarray(0, at))
      variants.push(new Uint8Array([...frame.subarray(0, at), ...new Array(9).fill(0xff), 0x01, ...frame.subarray(at)]))
    }
    let socket: RawSocket | null = null
    for (const [i, variant] of variants.entries()) {
      if (!socket || socket.closeCode() !== null) {
        socket = rawSocket(server, id, alliance.drafter.cookie)
        await socket.opened()
      }
      socket.ws.send(variant)
      await socket.roundTrip()
      expect(socket.closeCode(), `variant ${i}: ${Buffer.from(variant).toString('hex')}`).toBe(4400)
    }
    expect(server.documents.loadedRoom(id)?.hasUnsavedChanges()).toBe(false)
    expect(await textOf()).toBe('Honest')
    appendParagraph(honest.doc, 'Still editing')
    await waitFor(async () => (await textOf()) === 'Honest\nStill editing', { what: 'honest edit after the variants' })
    honest.provider.destroy()
  })

  it('after authentication: updates of costly shapes are refused before Yjs reads them, over a long text, and others keep editing', async () => {
    await signInAgain()
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const honest = connectProvider(server, id, alliance.coordinator.cookie)
    await synced(honest.provider)
    // A long text typed in turns by two clients (set up directly): 10,000 structs for the delete ranges to walk.
    const room = server.documents.loadedRoom(id)!
    const paragraph = emptyParagraph()
    Y.applyUpdate(room.doc, paragraph.update)
    for (let from = 0; from < 20_000; from += 5_000) Y.applyUpdate(room.doc, chainChunk(paragraph.textId, from, from + 5_000))
    await waitFor(() => honest.text().length > 20_000, { what: 'the long text reaches the honest client' })
    const before = honest.text()
    for (const [i, costly] of COSTLY_UPDATES.entries()) {
      const attacker = rawSocket(server, id, alliance.drafter.cookie)
      await attacker.opened()
      attacker.ws.send(updateMessage(costly()))
      await waitFor(() => attacker.closeCode() === 4400, { what: `costly update ${i} refused with 4400` })
    }
    expect(room.doc.getXmlFragment('default').toString()).toBe(before)
    appendParagraph(honest.doc, 'Still editing')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text.endsWith('Still editing'), { what: 'honest edit after the costly updates' })
    honest.provider.destroy()
  })
})
