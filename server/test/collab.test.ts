import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { MESSAGE_AUTH, readAccessNotice } from '../../shared/collab/accessNotice.js'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { createStatement, type Alliance } from './alliance.js'
import { appendParagraph, browserHeaders, connectProvider, paragraphUpdate, synced, upgradeStatus } from './collabClient.js'
import { rawSocket, updateMessage } from './rawSocket.js'
import { type TestServer } from './testServer.js'
import { useAllianceServer } from './allianceServer.js'
import { waitFor } from './waitFor.js'

/** The access notices (auth message, sub-type 1) a raw client has received, in order. */
function accessNotices(received: Uint8Array[]): string[] {
  return received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return []
    return [readAccessNotice(decoder)?.access ?? 'other']
  })
}

describe('collaboration server', () => {
  let server: TestServer
  let alliance: Alliance
  const cleanups = useAllianceServer((running) => ({ server, alliance } = running))

  function provider(statementId: string, cookie: string | undefined) {
    const connection = connectProvider(server, statementId, cookie)
    cleanups.push(() => connection.provider.destroy())
    return connection
  }

  describe('refuses upgrades before the protocol switch', () => {
    let confidentialId: string
    let url: (id: string) => string
    beforeAll(async () => {
      confidentialId = (await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
      url = (id) => `${server.url.replace(/^http/, 'ws')}/collab/${id}`
    })

    it('401 without a session cookie', async () => {
      expect(await upgradeStatus(url(confidentialId), { origin: server.publicUrl })).toBe(401)
    })

    it('401 with a forged or ended session', async () => {
      expect(await upgradeStatus(url(confidentialId), { origin: server.publicUrl, cookie: 'plenary_session=forged' })).toBe(401)
      const person = await server.client().login('drafter@drafting.test', 'member-password-1')
      const cookie = person.cookie as string
      await person.post('/api/auth/logout')
      expect(await upgradeStatus(url(confidentialId), { origin: server.publicUrl, cookie })).toBe(401)
    })

    it('403 from a foreign Origin even with a valid cookie', async () => {
      expect(await upgradeStatus(url(confidentialId), { origin: 'https://evil.example', cookie: alliance.drafter.cookie as string })).toBe(403)
    })

    it('404 for a confidential statement of other organisations, exactly like a missing one', async () => {
      expect(await upgradeStatus(url(confidentialId), browserHeaders(server, alliance.outsider.cookie))).toBe(404)
      expect(await upgradeStatus(url('no-such-statement'), browserHeaders(server, alliance.outsider.cookie))).toBe(404)
    })

    it('404 for room-name variants', async () => {
      const base = server.url.replace(/^http/, 'ws')
      const headers = browserHeaders(server, alliance.drafter.cookie)
      for (const path of [`/collab//${confidentialId}`, `/collab/${confidentialId}/x`, `/collab/${confidentialId.toUpperCase()}`, `/collab/..%2F${confidentialId}`, `/collab/%2e%2e`]) {
        expect(await upgradeStatus(base + path, headers), path).toBe(404)
      }
    })

    it('101 for a drafter, a coordinator and an admin', async () => {
      for (const client of [alliance.drafter, alliance.coordinator, alliance.admin]) {
        expect(await upgradeStatus(url(confidentialId), browserHeaders(server, client.cookie))).toBe(101)
      }
    })
  })

  it('two stock y-websocket providers converge, and the server renders the result', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const a = provider(statement.id, alliance.drafter.cookie)
    const b = provider(statement.id, alliance.coordinator.cookie)
    await Promise.all([synced(a.provider), synced(b.provider)])
    appendParagraph(a.doc, 'From the drafter')
    appendParagraph(b.doc, 'From the coordinator')
    await waitFor(() => a.text() === b.text() && a.text().includes('drafter') && a.text().includes('coordinator'), { what: 'convergence' })
    const content = await alliance.drafter.get(`/api/statements/${statement.id}/content?format=text`)
    expect(content.text.split('\n').sort()).toEqual(['From the coordinator', 'From the drafter'])
    const html = await alliance.drafter.get(`/api/statements/${statement.id}/content?format=html`)
    expect(html.text).toContain('<p>From the drafter</p>')
  })

  it('gives a reader a read-only connection: their updates never reach the document', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })
    const writer = provider(statement.id, alliance.drafter.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Agreed text')
    await waitFor(async () => (await alliance.drafter.get(`/api/statements/${statement.id}/content?format=text`)).text === 'Agreed text')

    const reader = rawSocket(server, statement.id, alliance.outsider.cookie)
    await reader.opened()
    reader.ws.send(updateMessage(paragraphUpdate('Injected by a reader')))
    reader.ws.send(updateMessage(paragraphUpdate('Injected via step 2'), syncProtocol.messageYjsSyncStep2))
    // A marker from the writer after the injections: once it arrives, the injections were processed too.
    appendParagraph(writer.doc, 'Marker')
    await waitFor(async () => (await alliance.drafter.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('Marker'))
    const text = (await alliance.drafter.get(`/api/statements/${statement.id}/content?format=text`)).text
    expect(text).toBe('Agreed text\nMarker')
    expect(writer.text()).not.toContain('Injected')
    expect(reader.closeCode()).toBeNull()
    reader.ws.close()
  })

  it('downgrades a live connection when its organisation stops drafting, and closes it when it loses sight', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const outsider = rawSocket(server, statement.id, alliance.outsider.cookie)
    await outsider.opened()
    const watcher = provider(statement.id, alliance.coordinator.cookie)
    await synced(watcher.provider)

    await waitFor(() => accessNotices(outsider.received).length === 1, { what: 'first access notice' })
    expect(accessNotices(outsider.received)).toEqual(['edit'])
    await alliance.coordinator.patch(`/api/statements/${statement.id}`, { draftingOrganizationIds: [alliance.drafting.id] })
    await waitFor(() => accessNotices(outsider.received).length === 2, { what: 'access notice' })
    expect(accessNotices(outsider.received)).toEqual(['edit', 'read'])
    outsider.ws.send(updateMessage(paragraphUpdate('After the downgrade')))
    appendParagraph(watcher.doc, 'Marker')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('Marker'))
    expect((await alliance.coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text).toBe('Marker')

    await alliance.coordinator.patch(`/api/statements/${statement.id}`, { visibility: 'drafters' })
    await waitFor(() => outsider.closeCode() === CloseCode.notFound, { what: 'close 4404' })
  })

  it('closes the sockets of a session that signs out with 4401', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const person = await server.client().login('drafter@drafting.test', 'member-password-1')
    const socket = rawSocket(server, statement.id, person.cookie)
    await socket.opened()
    await person.post('/api/auth/logout')
    await waitFor(() => socket.closeCode() === CloseCode.unauthenticated, { what: 'close 4401' })
  })

  it('closes a malformed message with 4400 and keeps serving everyone else', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const healthy = provider(statement.id, alliance.coordinator.cookie)
    await synced(healthy.provider)
    const frames = [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), new Uint8Array([42]), new Uint8Array([0, 0, 0xff, 0xff, 0x03]), updateMessage(new Uint8Array([1, 2, 3, 4, 5]))]
    for (const frame of frames) {
      const attacker = rawSocket(server, statement.id, alliance.drafter.cookie)
      await attacker.opened()
      attacker.ws.send(frame)
      await waitFor(() => attacker.closeCode() === CloseCode.malformedMessage, { what: `4400 for ${Buffer.from(frame).toString('hex')}` })
    }
    const text = await rawSocket(server, statement.id, alliance.drafter.cookie)
    await text.opened()
    text.ws.send('a text frame')
    await waitFor(() => text.closeCode() === CloseCode.malformedMessage, { what: '4400 for a text frame' })

    appendParagraph(healthy.doc, 'Still alive')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text === 'Still alive')
    expect((await alliance.coordinator.get('/api/health')).body).toEqual({ ok: true })
  })

  it('closes a frame over the size limit with 1009', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const socket = rawSocket(server, statement.id, alliance.drafter.cookie)
    await socket.opened()
    socket.ws.send(new Uint8Array(server.config.maxMessageBytes + 1))
    await waitFor(() => socket.closeCode() === CloseCode.messageTooBig, { what: 'close 1009' })
  })

  it('shares presence and removes it when a connection closes; nobody can overwrite another’s entry', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const a = provider(statement.id, alliance.drafter.cookie)
    const b = provider(statement.id, alliance.coordinator.cookie)
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.provider.awareness.setLocalStateField('user', { name: 'Drafter' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Drafter', { what: 'presence' })

    // A raw client forges an awareness update for A's client id.
    const forger = rawSocket(server, statement.id, alliance.outsider.cookie)
    await forger.opened()
    const fake = new (await import('y-protocols/awareness')).Awareness(new Y.Doc())
    fake.clientID = a.doc.clientID
    fake.setLocalState({ user: { name: 'Impostor' } })
    const meta = fake.meta.get(a.doc.clientID)
    if (meta) meta.clock = 1000
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(fake, [a.doc.clientID]))
    forger.ws.send(encoding.toUint8Array(encoder))
    b.provider.awareness.setLocalStateField('user', { name: 'Coordinator' })
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Coordinator')
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name).toBe('Drafter')
    fake.destroy()
    forger.ws.close()

    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), { what: 'presence removed' })
  })

  it('loads a statement once however many join at the same moment', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = provider(statement.id, alliance.coordinator.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Stored before the rush')
    writer.provider.destroy()
    await waitFor(async () => !(await server.documents.peek(statement.id)), { what: 'unload after last leave' })

    const rush = Array.from({ length: 8 }, () => provider(statement.id, alliance.drafter.cookie))
    await Promise.all(rush.map((c) => synced(c.provider)))
    for (const c of rush) expect(c.text()).toBe('<paragraph>Stored before the rush</paragraph>')
    appendParagraph(rush[0]!.doc, 'After')
    await waitFor(() => rush.every((c) => c.text().includes('After')), { what: 'everyone in the same room' })
  })

  it('answers the sync protocol: step 1 from a fresh client gets the whole document', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = provider(statement.id, alliance.coordinator.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Hello')
    const socket = rawSocket(server, statement.id, alliance.drafter.cookie)
    await socket.opened()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, new Y.Doc())
    socket.ws.send(encoding.toUint8Array(encoder))
    const step2 = await waitFor(() =>
      socket.received.find((m) => {
        const d = decoding.createDecoder(m)
        return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2
      }),
    )
    const d = decoding.createDecoder(step2)
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(d))
    expect(doc.getXmlFragment('default').toString()).toBe('<paragraph>Hello</paragraph>')
    socket.ws.close()
  })
})
