import { randomBytes } from 'node:crypto'
import http from 'node:http'
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MESSAGE_AUTH, readAccessNotice } from '../../shared/collab/accessNotice.js'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { readSessionToken } from '../http/sessionCookie.js'
import { hashToken } from '../security/tokens.js'
import { createStatement, invitePerson, PASSWORD, seedAlliance, type Alliance } from './alliance.js'
import type { ApiClient } from './apiClient.js'
import { browserHeaders, paragraphUpdate } from './collabClient.js'
import { rawSocket, updateMessage, type RawSocket } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * How long a revoked socket may stay open. The relay acts on the change's event
 * (`userChanged`, `statementChanged`) at once; the deadline only absorbs a loaded
 * machine. Role and statement changes have no other path, so those tests show the
 * event path works; a disabled account's sessions are also deleted, which the
 * relay's 15 s session sweep would catch as a fallback.
 */
const REVOCATION_DEADLINE_MS = 10_000

/** The access notices (auth message, sub-type 1) a raw client has received, in order. */
function accessNotices(socket: RawSocket): string[] {
  return socket.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return []
    return [readAccessNotice(decoder)?.access ?? 'other']
  })
}

/**
 * The status of a WebSocket upgrade with the request path sent byte for byte
 * (the `ws` client would resolve `..` and `.` first, a hostile client need not):
 * 101 when the server switches protocols, else the refusal's HTTP status.
 */
function verbatimUpgrade(server: TestServer, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(server.url, {
      path,
      headers: {
        ...headers,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
      },
    })
    req.on('upgrade', (_res, socket) => {
      socket.destroy()
      resolve(101)
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('collaboration access', () => {
  let server: TestServer
  let alliance: Alliance
  let now = new Date('2026-03-02T09:00:00Z')
  const sockets: RawSocket[] = []

  beforeAll(async () => {
    server = await startTestServer({ now: () => now })
    alliance = await seedAlliance(server)
  })
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate()
    await server.stop({ removeData: true })
  })

  async function connect(statementId: string, client: ApiClient): Promise<RawSocket> {
    const socket = rawSocket(server, statementId, client.cookie)
    sockets.push(socket)
    await socket.opened()
    await waitFor(() => accessNotices(socket).length > 0, { what: 'first access notice' })
    return socket
  }

  /** A person of their own, so that revoking them leaves the shared cast alone. */
  async function person(email: string, organizationId: string, role: 'member' | 'coordinator' = 'member'): Promise<{ client: ApiClient; id: string }> {
    const client = await invitePerson(server, alliance.admin, email, organizationId, role)
    return { client, id: (await client.get('/api/me')).body.user.id }
  }

  const revoked = (socket: RawSocket, code: number, what: string) => waitFor(() => socket.closeCode() === code, { timeoutMs: REVOCATION_DEADLINE_MS, what })

  describe('upgrades', () => {
    let confidential: string
    beforeAll(async () => {
      confidential = (await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
    })

    it('401 without a cookie, with or without an Origin', async () => {
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, {})).toBe(401)
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, { origin: server.publicUrl })).toBe(401)
    })

    it('401 for a session past its expiry, though its cookie is intact', async () => {
      const late = await server.client().login('drafter@drafting.test', PASSWORD)
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, browserHeaders(server, late.cookie))).toBe(101)
      const saved = now
      now = new Date(now.getTime() + server.config.sessionTtlMs + 1000)
      try {
        expect(await verbatimUpgrade(server, `/collab/${confidential}`, browserHeaders(server, late.cookie))).toBe(401)
      } finally {
        now = saved
      }
    })

    it('403 for a foreign, a look-alike or an opaque Origin with a valid cookie', async () => {
      const cookie = alliance.drafter.cookie as string
      for (const origin of ['https://evil.example', `${server.publicUrl}.evil.example`, server.publicUrl.replace('http:', 'https:'), 'null']) {
        expect(await verbatimUpgrade(server, `/collab/${confidential}`, { origin, cookie }), origin).toBe(403)
      }
    })

    it('404 for another organisation’s confidential statement, exactly as for a missing one', async () => {
      const outsider = browserHeaders(server, alliance.outsider.cookie)
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, outsider)).toBe(404)
      expect(await verbatimUpgrade(server, '/collab/no-such-statement', outsider)).toBe(404)
    })

    it('404 for every room-name variant, even for someone who may open the room', async () => {
      const drafter = browserHeaders(server, alliance.drafter.cookie)
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, drafter)).toBe(101)
      const variants = [
        `/collab/${confidential}/`,
        `/collab//${confidential}`,
        `//collab/${confidential}`,
        `/collab%2F${confidential}`,
        `/collab/%2F${confidential}`,
        `/collab/${encodeURIComponent(confidential).replace(/-/g, '%2D')}`,
        `/COLLAB/${confidential}`,
        `/Collab/${confidential}`,
        `/collab/${confidential.toUpperCase()}`,
        `/collab/./${confidential}`,
        `/collab/x/../${confidential}`,
        `/collab/../collab/${confidential}`,
        `/collab/%2e%2e/collab/${confidential}`,
        `/collab/${confidential}/..`,
        `/collab/${confidential}%00`,
        `/collab/${confidential}/x`,
      ]
      for (const path of variants) expect(await verbatimUpgrade(server, path, drafter), path).toBe(404)
      // And a query string is not part of the room name.
      expect(await verbatimUpgrade(server, `/collab/${confidential}?room=other`, drafter)).toBe(101)
    })
  })

  describe('revoked while connected', () => {
    it('(a) closes every socket of an account an admin disables with 4401, and its cookie opens nothing after', async () => {
      const { client, id } = await person('disabled-live@drafting.test', alliance.drafting.id)
      const open = (await createStatement(alliance.coordinator, { visibility: 'members' })).id
      const confidential = (await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
      const [a, b] = [await connect(open, client), await connect(confidential, client)]
      const bystander = await connect(open, alliance.drafter)

      expect((await alliance.admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200)
      await revoked(a, CloseCode.unauthenticated, 'close 4401 on the open statement')
      await revoked(b, CloseCode.unauthenticated, 'close 4401 on the confidential statement')
      expect(await verbatimUpgrade(server, `/collab/${open}`, browserHeaders(server, client.cookie))).toBe(401)
      expect(bystander.closeCode()).toBeNull()

      // Enabling the account again does not revive the old sessions: the person signs in afresh.
      await alliance.admin.patch(`/api/users/${id}`, { disabled: false })
      expect(await verbatimUpgrade(server, `/collab/${open}`, browserHeaders(server, client.cookie))).toBe(401)
      await client.login('disabled-live@drafting.test', PASSWORD)
      expect(await verbatimUpgrade(server, `/collab/${open}`, browserHeaders(server, client.cookie))).toBe(101)
    })

    it('(b) a coordinator made a member loses statements confidential to other organisations (4404) and edit rights elsewhere', async () => {
      const secretariat = (await alliance.admin.get('/api/me')).body.organization.id as string
      const { client, id } = await person('stepping-down@alliance.test', secretariat, 'coordinator')
      const confidential = (await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
      const shared = (await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })).id
      const hidden = await connect(confidential, client)
      const visible = await connect(shared, client)
      expect([accessNotices(hidden), accessNotices(visible)]).toEqual([['edit'], ['edit']])

      expect((await alliance.admin.patch(`/api/users/${id}`, { role: 'member' })).status).toBe(200)
      await revoked(hidden, CloseCode.notFound, 'close 4404 on the confidential statement')
      await waitFor(() => accessNotices(visible).length === 2, { timeoutMs: REVOCATION_DEADLINE_MS, what: 'read-only notice' })
      expect(accessNotices(visible)).toEqual(['edit', 'read'])
      expect(visible.closeCode()).toBeNull()

      // The downgraded socket's updates are refused by the server, not merely hidden by the UI.
      visible.ws.send(updateMessage(paragraphUpdate('Written after the demotion')))
      await visible.roundTrip()
      expect((await alliance.coordinator.get(`/api/statements/${shared}/content?format=text`)).text).not.toContain('after the demotion')
      // And a new connection is refused as for anyone outside the drafting organisation.
      expect(await verbatimUpgrade(server, `/collab/${confidential}`, browserHeaders(server, client.cookie))).toBe(404)
    })

    it('(b) a member made coordinator gains edit rights on the live socket', async () => {
      const { client, id } = await person('stepping-up@other.test', alliance.other.id)
      const shared = (await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })).id
      const socket = await connect(shared, client)
      expect(accessNotices(socket)).toEqual(['read'])
      await alliance.coordinator.patch(`/api/users/${id}`, { role: 'coordinator' })
      await waitFor(() => accessNotices(socket).length === 2, { timeoutMs: REVOCATION_DEADLINE_MS, what: 'edit notice' })
      expect(accessNotices(socket)).toEqual(['read', 'edit'])
    })

    it('(b) a change that leaves access as it was sends no notice and closes nothing', async () => {
      const { client, id } = await person('signing@drafting.test', alliance.drafting.id)
      const shared = (await createStatement(alliance.coordinator, { visibility: 'members' })).id
      const socket = await connect(shared, client)
      await alliance.coordinator.patch(`/api/users/${id}`, { canSign: true })
      // Then a change that does matter: once its notice is in, the first one's re-check has had its turn.
      await alliance.coordinator.patch(`/api/statements/${shared}`, { draftingOrganizationIds: [alliance.other.id] })
      await waitFor(() => accessNotices(socket).includes('read'), { timeoutMs: REVOCATION_DEADLINE_MS, what: 'read-only notice' })
      await socket.roundTrip()
      expect(accessNotices(socket)).toEqual(['edit', 'read'])
      expect(socket.closeCode()).toBeNull()
    })

    describe('(c) the statement’s visibility or drafting organisations change', () => {
      it('drafters removed from a confidential statement are closed with 4404; drafters added get edit', async () => {
        const statement = (await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
        const drafter = await connect(statement, alliance.drafter)
        await alliance.coordinator.patch(`/api/statements/${statement}`, { draftingOrganizationIds: [alliance.other.id] })
        await revoked(drafter, CloseCode.notFound, 'close 4404 for the removed organisation')
        const outsider = await connect(statement, alliance.outsider)
        expect(accessNotices(outsider)).toEqual(['edit'])
      })

      it('a reader of an open statement gains edit when the drafting list empties, and loses sight when it turns confidential', async () => {
        const statement = (await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })).id
        const outsider = await connect(statement, alliance.outsider)
        const drafter = await connect(statement, alliance.drafter)
        expect(accessNotices(outsider)).toEqual(['read'])
        await alliance.coordinator.patch(`/api/statements/${statement}`, { draftingOrganizationIds: [] })
        await waitFor(() => accessNotices(outsider).length === 2, { timeoutMs: REVOCATION_DEADLINE_MS, what: 'edit notice' })
        expect(accessNotices(outsider)).toEqual(['read', 'edit'])

        await alliance.coordinator.patch(`/api/statements/${statement}`, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })
        await revoked(outsider, CloseCode.notFound, 'close 4404 for the outsider')
        // The drafting organisation keeps its socket and its rights.
        await drafter.roundTrip()
        expect(drafter.closeCode()).toBeNull()
        expect(accessNotices(drafter).at(-1)).toBe('edit')
      })

      it('staff keep their sockets whatever the statement’s audience becomes', async () => {
        const statement = (await createStatement(alliance.coordinator, { visibility: 'members' })).id
        const coordinator = await connect(statement, alliance.coordinator)
        const admin = await connect(statement, alliance.admin)
        await alliance.coordinator.patch(`/api/statements/${statement}`, { visibility: 'drafters', draftingOrganizationIds: [alliance.other.id] })
        await Promise.all([coordinator.roundTrip(), admin.roundTrip()])
        expect([coordinator.closeCode(), admin.closeCode()]).toEqual([null, null])
        expect([accessNotices(coordinator), accessNotices(admin)]).toEqual([['edit'], ['edit']])
      })
    })
  })
})

/**
 * No event announces that a session ran out: the relay's periodic sweep
 * (`SESSION_SWEEP_MS`, 15 s) is the only path that closes such a socket. This
 * server sweeps every 100 ms and runs on a clock the test moves, so the test
 * waits for the sweep, not for fifteen seconds or a real TTL.
 */
describe('sessions that expire while a socket is open', () => {
  let server: TestServer
  let now = new Date('2026-03-02T09:00:00Z')
  const sockets: RawSocket[] = []
  /** How often storage was asked for each session id: the sweep asks once per session per round. */
  const lookups = new Map<string, number>()

  beforeAll(async () => {
    server = await startTestServer({ now: () => now, sessionSweepMs: 100 })
    const { sessions } = server.ctx.storage
    const get = sessions.get.bind(sessions)
    sessions.get = (id) => {
      lookups.set(id, (lookups.get(id) ?? 0) + 1)
      return get(id)
    }
  })
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate()
    await server.stop({ removeData: true })
  })

  async function connect(statementId: string, client: ApiClient): Promise<RawSocket> {
    const socket = rawSocket(server, statementId, client.cookie)
    sockets.push(socket)
    await socket.opened()
    await socket.roundTrip()
    return socket
  }

  const sessionId = (client: ApiClient) => hashToken(readSessionToken(client.cookie) as string)

  it('closes every socket of a session that expired with 4401 at the next sweep, and leaves a newer session of the same person open', async () => {
    const ttl = server.config.sessionTtlMs
    const early = await server.admin()
    const first = (await createStatement(early, { visibility: 'members' })).id
    const second = (await createStatement(early, { visibility: 'drafters' })).id
    const [earlyFirst, earlySecond] = [await connect(first, early), await connect(second, early)]

    // Half a TTL later the same person signs in again: this session outlives the first by that much.
    now = new Date(now.getTime() + ttl / 2)
    const late = await server.admin()
    const lateFirst = await connect(first, late)

    // Three sweeps on a clock where both sessions are live close nothing.
    const seen = lookups.get(sessionId(early)) ?? 0
    await waitFor(() => (lookups.get(sessionId(early)) ?? 0) >= seen + 3, { what: 'three sweeps' })
    expect([earlyFirst, earlySecond, lateFirst].map((socket) => socket.closeCode())).toEqual([null, null, null])

    // From here on no request carries the early cookie, so nothing but the sweep can notice that it expired.
    now = new Date(now.getTime() + ttl / 2 + 1000)
    await waitFor(() => earlyFirst.closeCode() === CloseCode.unauthenticated && earlySecond.closeCode() === CloseCode.unauthenticated, {
      timeoutMs: REVOCATION_DEADLINE_MS,
      what: 'the sweep closes both sockets of the expired session with 4401',
    })
    await lateFirst.roundTrip()
    expect(lateFirst.closeCode()).toBeNull()
    expect(await verbatimUpgrade(server, `/collab/${first}`, browserHeaders(server, early.cookie))).toBe(401)
    expect(await verbatimUpgrade(server, `/collab/${first}`, browserHeaders(server, late.cookie))).toBe(101)
  })
})
