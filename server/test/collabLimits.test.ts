import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { DEFAULT_COLLAB_LIMITS } from '../collab/collabLimits.js'
import { createStatement, seedAlliance, type Alliance } from './alliance.js'
import { appendParagraph, browserHeaders, connectProvider, synced, upgradeStatus } from './collabClient.js'
import { chainChunk, emptyParagraph, forgedOrigins } from './costlyUpdates.js'
import { awarenessMessage, rawSocket, syncStep1Message, updateMessage } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { useAllianceServer } from './allianceServer.js'
import { waitFor } from './waitFor.js'

/** Distinct small updates, each one paragraph, as a fast typist's editor would send them. */
function paragraphUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i += 1) appendParagraph(doc, `u${i}`)
  return updates
}

// The server runs with the default limits: 4 awareness entries, 8 KiB states, bursts of 200 updates, 100/s,
// 20 sync step 1 then 2/s, 200 awareness messages then 100/s, 1 s to apply an update.
describe('per-connection limits of the collaboration relay', () => {
  let server: TestServer
  let alliance: Alliance
  const cleanups = useAllianceServer((running) => ({ server, alliance } = running))

  async function watcherOn(statementId: string) {
    const connection = connectProvider(server, statementId, alliance.coordinator.cookie)
    cleanups.push(() => connection.provider.destroy())
    await synced(connection.provider)
    return connection
  }

  async function openRaw(statementId: string, cookie = alliance.drafter.cookie) {
    const socket = rawSocket(server, statementId, cookie)
    cleanups.push(() => socket.ws.terminate())
    await socket.opened()
    return socket
  }

  const states = (watcher: Awaited<ReturnType<typeof watcherOn>>) => watcher.provider.awareness.getStates()

  it('clears a connection’s awareness entries when it closes, cleanly or abruptly', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    for (const [clientId, leave] of [
      [900_001, (ws: WebSocket) => ws.close()],
      [900_002, (ws: WebSocket) => ws.terminate()],
    ] as const) {
      const socket = await openRaw(id)
      socket.ws.send(awarenessMessage([{ clientId, clock: 1, state: { user: { name: `Raw ${clientId}` } } }]))
      await waitFor(() => states(watcher).get(clientId)?.user?.name === `Raw ${clientId}`, { what: 'raw presence' })
      leave(socket.ws)
      await waitFor(() => !states(watcher).has(clientId), { what: `presence of ${clientId} cleared` })
    }
  })

  it(`allows ${DEFAULT_COLLAB_LIMITS.maxAwarenessClients} awareness entries per connection and closes the one that adds more with 4413`, async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    const max = DEFAULT_COLLAB_LIMITS.maxAwarenessClients
    const ids = Array.from({ length: max + 1 }, (_, i) => 910_000 + i)

    const socket = await openRaw(id)
    socket.ws.send(awarenessMessage(ids.slice(0, max).map((clientId) => ({ clientId, clock: 1, state: { n: clientId } }))))
    await waitFor(() => ids.slice(0, max).every((clientId) => states(watcher).has(clientId)), { what: `${max} entries` })
    // Removing one makes room for another.
    socket.ws.send(awarenessMessage([{ clientId: ids[0]!, clock: 2, state: null }]))
    socket.ws.send(awarenessMessage([{ clientId: ids[max]!, clock: 1, state: { n: 'replacement' } }]))
    await waitFor(() => states(watcher).get(ids[max]!)?.n === 'replacement', { what: 'replacement entry' })
    expect(socket.closeCode()).toBeNull()

    socket.ws.send(awarenessMessage([{ clientId: 920_000, clock: 1, state: { n: 'one too many' } }]))
    await waitFor(() => socket.closeCode() === CloseCode.awarenessTooLarge, { what: 'close 4413' })
    await waitFor(() => ids.every((clientId) => !states(watcher).has(clientId)), { what: 'entries cleared on close' })
    expect(states(watcher).has(920_000)).toBe(false)

    // One message speaking for too many entries at once is refused before any is applied.
    const flood = await openRaw(id)
    flood.ws.send(awarenessMessage(Array.from({ length: 50 }, (_, i) => ({ clientId: 930_000 + i, clock: 1, state: {} }))))
    await waitFor(() => flood.closeCode() === CloseCode.awarenessTooLarge, { what: 'close 4413 for a flood' })
    expect([...states(watcher).keys()].some((clientId) => clientId >= 930_000 && clientId < 930_050)).toBe(false)
  })

  it('closes a connection whose awareness state is over the size limit with 4413, before anyone sees it', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    const overhead = JSON.stringify({ pad: '' }).length
    const fits = await openRaw(id)
    fits.ws.send(awarenessMessage([{ clientId: 940_001, clock: 1, state: { pad: 'x'.repeat(DEFAULT_COLLAB_LIMITS.maxAwarenessStateBytes - overhead) } }]))
    await waitFor(() => states(watcher).has(940_001), { what: 'a state of exactly the limit' })

    const big = await openRaw(id)
    big.ws.send(awarenessMessage([{ clientId: 940_002, clock: 1, state: { pad: 'x'.repeat(DEFAULT_COLLAB_LIMITS.maxAwarenessStateBytes - overhead + 1) } }]))
    await waitFor(() => big.closeCode() === CloseCode.awarenessTooLarge, { what: 'close 4413' })
    await fits.roundTrip()
    expect(states(watcher).has(940_002)).toBe(false)
    expect(fits.closeCode()).toBeNull()
  })

  it('lets an editor send a burst of updates, closes a flood with 4429, and keeps serving everyone else', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    const burst = DEFAULT_COLLAB_LIMITS.updateBurst

    const typist = await openRaw(id)
    const allowed = paragraphUpdates(burst / 2)
    for (const update of allowed) typist.ws.send(updateMessage(update))
    await typist.roundTrip()
    expect(typist.closeCode()).toBeNull()
    await waitFor(() => watcher.text().includes(`<paragraph>u${burst / 2 - 1}</paragraph>`), { what: 'the burst applied' })
    typist.ws.close()

    const flooder = await openRaw(id)
    for (const update of paragraphUpdates(burst * 3)) flooder.ws.send(updateMessage(update))
    await waitFor(() => flooder.closeCode() === CloseCode.rateLimited, { what: 'close 4429' })

    // Readers are charged too: their updates are refused, but decoding them still costs.
    const reader = await openRaw(id, alliance.outsider.cookie)
    await alliance.coordinator.patch(`/api/statements/${id}`, { draftingOrganizationIds: [alliance.drafting.id] })
    for (const update of paragraphUpdates(burst * 3)) reader.ws.send(updateMessage(update))
    await waitFor(() => reader.closeCode() === CloseCode.rateLimited, { what: 'reader closed with 4429' })

    appendParagraph(watcher.doc, 'Still editing')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text.endsWith('Still editing'), { what: 'honest edit saved' })
    expect((await alliance.coordinator.get('/api/health')).body).toEqual({ ok: true })
  })

  it('closes a connection that keeps asking for the whole document (sync step 1) with 4429', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    const asker = await openRaw(id)
    for (let i = 0; i < DEFAULT_COLLAB_LIMITS.syncStep1Burst * 3; i += 1) asker.ws.send(syncStep1Message())
    await waitFor(() => asker.closeCode() === CloseCode.rateLimited, { what: 'close 4429 for a sync step 1 flood' })
    // Fewer answers than requests: the limit stopped the encoding, not just the socket.
    const answers = asker.received.filter((frame) => frame[0] === 0 && frame[1] === 1).length
    expect(answers).toBeLessThanOrEqual(DEFAULT_COLLAB_LIMITS.syncStep1Burst + 2)
    appendParagraph(watcher.doc, 'Still editing')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text.endsWith('Still editing'), { what: 'honest edit saved' })
  })

  it('closes an awareness flood with 4429 and keeps the presence of everyone else', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    // A stock provider sends every awareness change it sees back to the server: its echoes of the flood must not count as its own.
    const watcherCloses: number[] = []
    watcher.provider.on('connection-close', (event) => watcherCloses.push(event?.code ?? 0))
    const calm = await openRaw(id, alliance.coordinator.cookie)
    calm.ws.send(awarenessMessage([{ clientId: 950_001, clock: 1, state: { user: { name: 'Calm' } } }]))
    await waitFor(() => states(watcher).has(950_001), { what: 'calm presence' })
    const flooder = await openRaw(id)
    for (let clock = 1; clock <= DEFAULT_COLLAB_LIMITS.awarenessBurst * 3; clock += 1) {
      flooder.ws.send(awarenessMessage([{ clientId: 950_002, clock, state: { cursor: clock } }]))
    }
    await waitFor(() => flooder.closeCode() === CloseCode.rateLimited, { what: 'close 4429 for an awareness flood' })
    await waitFor(() => !states(watcher).has(950_002), { what: 'the flooder’s entry cleared' })
    await calm.roundTrip()
    expect(calm.closeCode()).toBeNull()
    expect(watcherCloses).toEqual([])
    // Presence expires after 30 s without a renewal (y-protocols' outdatedTimeout), which a loaded
    // machine can reach before this line; a renewal proves the calm connection still works.
    calm.ws.send(awarenessMessage([{ clientId: 950_001, clock: 2, state: { user: { name: 'Calm' } } }]))
    await waitFor(() => states(watcher).get(950_001)?.user?.name === 'Calm', { what: 'calm presence renewed' })
    expect(watcherCloses).toEqual([])
  })

  it('stops applying an update after the time limit, refuses it with 4400, and keeps serving everyone else', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const watcher = await watcherOn(id)
    // A long text already in the document: set up directly, as if two people had typed it in turns.
    const room = server.documents.loadedRoom(id)!
    const paragraph = emptyParagraph()
    const length = 20_000
    Y.applyUpdate(room.doc, paragraph.update)
    for (let from = 0; from < length; from += 5_000) Y.applyUpdate(room.doc, chainChunk(paragraph.textId, from, from + 5_000))
    await waitFor(() => watcher.doc.getXmlFragment('default').toString().length > length, { what: 'the long text reaches the watcher' })

    // 2,000 forged characters: about 18 s of Yjs integration on the development machine, twice (twin and document).
    const attacker = await openRaw(id)
    attacker.ws.send(updateMessage(forgedOrigins(length, 2_000)))
    await waitFor(() => attacker.closeCode() === CloseCode.malformedMessage, { what: 'close 4400 for an update over the time limit' })
    expect(room.doc.getXmlFragment('default').toString()).not.toContain('x')
    appendParagraph(watcher.doc, 'Still editing')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text.endsWith('Still editing'), { what: 'honest edit saved' })
  })
})

/** The status and JSON body of an upgrade the server refuses before the protocol switch. */
function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    ws.on('open', () => reject(new Error('the upgrade was accepted')))
    ws.on('error', () => undefined)
  })
}

describe('limits on WebSocket upgrades', () => {
  it('answers 429 before the switch once a user or an address has upgraded too often, and keeps others connecting', async () => {
    const server = await startTestServer({ env: { MAX_UPGRADES_PER_MINUTE_PER_USER: '3', MAX_UPGRADES_PER_MINUTE_PER_ADDRESS: '8' } })
    try {
      const alliance = await seedAlliance(server)
      const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
      const url = `${server.url.replace(/^http/, 'ws')}/collab/${id}`
      const attempt = (cookie: string | undefined) => upgradeStatus(url, browserHeaders(server, cookie))
      const drafter = [await attempt(alliance.drafter.cookie), await attempt(alliance.drafter.cookie), await attempt(alliance.drafter.cookie), await attempt(alliance.drafter.cookie)]
      expect(drafter).toEqual([101, 101, 101, 429])
      expect(await attempt(alliance.coordinator.cookie)).toBe(101)
      // Refused attempts count against the address: three without a session, then the address is spent.
      expect([await attempt(undefined), await attempt(undefined), await attempt(undefined)]).toEqual([401, 401, 401])
      expect(await attempt(alliance.coordinator.cookie)).toBe(429)
      const refused = await refusedUpgrade(url, browserHeaders(server, alliance.coordinator.cookie))
      expect(refused.status).toBe(429)
      expect(JSON.parse(refused.body).error.code).toBe('rate_limited')
    } finally {
      await server.stop({ removeData: true })
    }
  })
})

describe('limits from the environment', () => {
  it('applies MAX_AWARENESS_CLIENTS to live connections', async () => {
    const server = await startTestServer({ env: { MAX_AWARENESS_CLIENTS: '1' } })
    try {
      const alliance = await seedAlliance(server)
      const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
      const socket = rawSocket(server, id, alliance.drafter.cookie)
      await socket.opened()
      socket.ws.send(awarenessMessage([{ clientId: 940_000, clock: 1, state: { n: 1 } }]))
      socket.ws.send(awarenessMessage([{ clientId: 940_001, clock: 1, state: { n: 2 } }]))
      await waitFor(() => socket.closeCode() === CloseCode.awarenessTooLarge, { what: 'close 4413 at the configured limit of 1' })
    } finally {
      await server.stop({ removeData: true })
    }
  })
})

describe('a reader that falls behind', () => {
  it('is closed with 4408 once MAX_SEND_BUFFER_BYTES wait for it, instead of being queued for without end; others keep editing', async () => {
    const server = await startTestServer({ env: { MAX_SEND_BUFFER_BYTES: String(64 * 1024) } })
    const cleanups: (() => void)[] = []
    try {
      const alliance = await seedAlliance(server)
      const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
      const watcher = connectProvider(server, id, alliance.coordinator.cookie)
      cleanups.push(() => watcher.provider.destroy())
      await synced(watcher.provider)
      const slow = rawSocket(server, id, alliance.drafter.cookie)
      cleanups.push(() => slow.ws.terminate())
      await slow.opened()
      await slow.roundTrip()
      // Stops reading: the kernel's buffers fill, then the server's queue for this socket grows.
      slow.ws.pause()

      const writer = rawSocket(server, id, alliance.coordinator.cookie)
      cleanups.push(() => writer.ws.terminate())
      await writer.opened()
      await writer.roundTrip()
      const source = new Y.Doc()
      // The handshake's second half: until it comes the relay holds a client's updates back.
      writer.ws.send(updateMessage(Y.encodeStateAsUpdate(source), syncProtocol.messageYjsSyncStep2))
      const updates: Uint8Array[] = []
      source.on('update', (update: Uint8Array) => updates.push(update))
      const room = server.documents.loadedRoom(id)!
      const slowPeerClosing = () => [...room.peers].some((peer) => (peer as unknown as { ws: WebSocket }).ws.readyState === WebSocket.CLOSING)
      const chunk = 'x'.repeat(512 * 1024)
      let sent = 0
      await waitFor(
        async () => {
          if (slowPeerClosing()) return true
          // Half a megabyte a paragraph, eight at a time, each batch waited for: well within the update limits.
          for (let i = 0; i < 8; i += 1) {
            appendParagraph(source, `${sent}:${chunk}`)
            writer.ws.send(updateMessage(updates[updates.length - 1]!))
            sent += 1
          }
          // With the writer's own state: the answer is what it lacks (nothing), not the whole document.
          await writer.roundTrip(source)
          return slowPeerClosing()
        },
        { what: 'the server gives up on the reader that does not read', timeoutMs: 60_000 },
      )
      expect(writer.closeCode()).toBeNull()

      slow.ws.resume()
      await waitFor(() => slow.closeCode() === CloseCode.tooSlow, { what: 'close 4408 for the reader that fell behind' })
      appendParagraph(source, 'after')
      writer.ws.send(updateMessage(updates[updates.length - 1]!))
      await waitFor(() => watcher.doc.getXmlFragment('default').toString().endsWith('<paragraph>after</paragraph>'), { what: 'the watcher keeps getting every edit' })
      expect(watcher.doc.getXmlFragment('default').length).toBe(sent + 1)
    } finally {
      for (const cleanup of cleanups) cleanup()
      await server.stop({ removeData: true })
    }
  })
})
