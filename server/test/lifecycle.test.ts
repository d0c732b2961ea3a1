import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MESSAGE_AUTH, readAccessNotice } from '../../shared/collab/accessNotice.js'
import { fingerprintText } from '../../shared/text/fingerprint.js'
import { createStatement, type Alliance } from './alliance.js'
import type { ApiClient } from './apiClient.js'
import { appendParagraph, browserHeaders, connectProvider, synced } from './collabClient.js'
import { startTestServer, type TestServer } from './testServer.js'
import { useAllianceServer } from './allianceServer.js'
import { waitFor } from './waitFor.js'

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** A client that speaks the protocol by hand and keeps its own replica, so it can forge updates against the real document. */
async function rawReplica(server: TestServer, statementId: string, cookie: string | undefined) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${statementId}`, { headers: browserHeaders(server, cookie) })
  const doc = new Y.Doc()
  const notices: string[] = []
  const statuses: string[] = []
  let closeCode: number | null = null
  let step2Replies = 0
  ws.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as Buffer))
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AUTH) {
      const notice = readAccessNotice(decoder)
      notices.push(notice?.access ?? 'other')
      statuses.push(notice?.status ?? 'other')
    }
    if (type !== 0) return
    const syncType = decoding.readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      // Answer like a provider: the relay holds this socket's updates until its sync step 2 arrives.
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      syncProtocol.writeSyncStep2(reply, doc, decoding.readVarUint8Array(decoder))
      ws.send(encoding.toUint8Array(reply))
      return
    }
    if (syncType === syncProtocol.messageYjsSyncStep2) step2Replies += 1
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  })
  ws.on('close', (code) => (closeCode = code))
  await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)))
  const step1 = encoding.createEncoder()
  encoding.writeVarUint(step1, 0)
  syncProtocol.writeSyncStep1(step1, doc)
  ws.send(encoding.toUint8Array(step1))
  /** Messages on one socket are handled in order: once this answer arrives, everything sent before it was processed. */
  const roundTrip = async () => {
    const seen = step2Replies
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, new Y.Doc())
    ws.send(encoding.toUint8Array(encoder))
    await waitFor(() => step2Replies > seen, { what: 'round trip' })
  }
  return { ws, doc, notices, statuses, closeCode: () => closeCode, roundTrip }
}

describe('locking the final text', () => {
  let server: TestServer
  let alliance: Alliance
  const cleanups = useAllianceServer((running) => ({ server, alliance } = running))

  const content = async (id: string) => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text
  async function draft(text: string, extra: Record<string, unknown> = {}) {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id], ...extra })
    const writer = connectProvider(server, statement.id, alliance.drafter.cookie)
    cleanups.push(() => writer.provider.destroy())
    await synced(writer.provider)
    appendParagraph(writer.doc, text)
    await waitFor(async () => (await content(statement.id)) === text)
    return { statement, writer }
  }

  it('locks with a fingerprint anyone can recompute from the text, and a "Final text" version', async () => {
    const { statement } = await draft('We call on States to ratify the Convention.')
    const locked = await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)
    expect(locked.status).toBe(200)
    expect(locked.body.status).toBe('locked')
    expect(locked.body.fingerprint).toBe(fingerprintText('We call on States to ratify the Convention.'))
    expect(locked.body.version).toMatchObject({ number: 1, label: 'Final text', fingerprint: locked.body.fingerprint })
    const read = (await alliance.drafter.get(`/api/statements/${statement.id}`)).body
    expect(read).toMatchObject({ status: 'locked', access: 'read', lock: { fingerprint: locked.body.fingerprint, versionNumber: 1 } })
    const fingerprint = (await alliance.outsider.get(`/api/statements/${statement.id}/fingerprint`)).body
    expect(fingerprint).toMatchObject({ fingerprint: locked.body.fingerprint, lockedFingerprint: locked.body.fingerprint, status: 'locked' })
    expect(fingerprintText(await content(statement.id))).toBe(locked.body.fingerprint)
  })

  it('unlocks with a reason, shown to everyone, and lets drafters edit again live', async () => {
    const { statement } = await draft('Draft to reopen.')
    const watcher = await rawReplica(server, statement.id, alliance.drafter.cookie)
    const reader = await rawReplica(server, statement.id, alliance.outsider.cookie)
    await waitFor(() => watcher.notices.includes('edit') && reader.notices.includes('read'))
    await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)
    await waitFor(() => watcher.notices.at(-1) === 'read')
    // A reader's access does not change, but it is told the text is now locked.
    await waitFor(() => reader.statuses.at(-1) === 'locked', { what: 'reader told of the lock' })
    expect(reader.notices).toEqual(['read', 'read'])

    const noReason = await alliance.coordinator.post(`/api/statements/${statement.id}/unlock`, { reason: ' ' })
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'validation_failed'])
    const unlocked = await alliance.coordinator.post(`/api/statements/${statement.id}/unlock`, { reason: 'Paragraph 3 needs the new figures' })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body).toMatchObject({ status: 'drafting', lock: null, lastUnlock: { reason: 'Paragraph 3 needs the new figures' } })
    await waitFor(() => watcher.notices.at(-1) === 'edit', { what: 'edit notice after unlock' })
    await waitFor(() => reader.statuses.at(-1) === 'drafting', { what: 'reader told of the unlock' })
    reader.ws.close()
    expect((await alliance.outsider.get(`/api/statements/${statement.id}`)).body.lastUnlock.reason).toBe('Paragraph 3 needs the new figures')

    const before = Y.encodeStateVector(watcher.doc)
    appendParagraph(watcher.doc, 'Edited again')
    watcher.ws.send(syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(watcher.doc, before)))
    await waitFor(async () => (await content(statement.id)).includes('Edited again'))
    watcher.ws.close()
  })

  it('answers wrong states with 409 codes and wrong roles with 403 or 404', async () => {
    const { statement } = await draft('Text.')
    const confidential = await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })
    const post = (c: ApiClient, path: string, body?: unknown) => c.post(`/api/statements/${path}`, body)

    expect((await post(alliance.anonymous, `${statement.id}/lock`)).status).toBe(401)
    expect((await post(alliance.drafter, `${statement.id}/lock`)).status).toBe(403)
    expect((await post(alliance.outsider, `${statement.id}/lock`)).status).toBe(403)
    expect((await post(alliance.outsider, `${confidential.id}/lock`)).status).toBe(404)
    expect((await post(alliance.coordinator, 'missing/lock')).status).toBe(404)

    const unlockDrafting = await post(alliance.coordinator, `${statement.id}/unlock`, { reason: 'x' })
    expect([unlockDrafting.status, unlockDrafting.body.error.code]).toEqual([409, 'statement_not_locked'])
    const closeDrafting = await post(alliance.coordinator, `${statement.id}/close`)
    expect([closeDrafting.status, closeDrafting.body.error.code]).toEqual([409, 'statement_not_locked'])

    expect((await post(alliance.admin, `${statement.id}/lock`)).status).toBe(200)
    const lockAgain = await post(alliance.coordinator, `${statement.id}/lock`)
    expect([lockAgain.status, lockAgain.body.error.code]).toEqual([409, 'statement_not_drafting'])
    expect((await post(alliance.drafter, `${statement.id}/unlock`, { reason: 'mine' })).status).toBe(403)
    expect((await post(alliance.drafter, `${statement.id}/close`)).status).toBe(403)

    const versionId = (await alliance.drafter.get(`/api/statements/${statement.id}/versions`)).body.versions[0].id
    const restore = await post(alliance.drafter, `${statement.id}/versions/${versionId}/restore`)
    expect([restore.status, restore.body.error.code]).toEqual([409, 'statement_locked'])
    const name = await post(alliance.drafter, `${statement.id}/versions`, { label: 'late' })
    expect([name.status, name.body.error.code]).toEqual([409, 'statement_locked'])

    expect((await post(alliance.coordinator, `${statement.id}/close`)).body.status).toBe('closed')
    const unlockClosed = await post(alliance.coordinator, `${statement.id}/unlock`, { reason: 'too late' })
    expect([unlockClosed.status, unlockClosed.body.error.code]).toEqual([409, 'statement_not_locked'])
  })

  it('keeps one lock when two coordinators lock at the same moment', async () => {
    const { statement } = await draft('Race.')
    const results = await Promise.all([alliance.coordinator, alliance.admin].map((c) => c.post(`/api/statements/${statement.id}/lock`)))
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await alliance.coordinator.get(`/api/statements/${statement.id}/versions`)).body.versions).toHaveLength(1)
  })

  it('keeps an audit trail anyone who sees the statement can read', async () => {
    const { statement } = await draft('Audited.')
    await alliance.coordinator.patch(`/api/statements/${statement.id}`, { title: 'Renamed' })
    await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: 'Circulated' })
    await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)
    await alliance.coordinator.post(`/api/statements/${statement.id}/unlock`, { reason: 'Typo' })
    const trail = await alliance.outsider.get(`/api/statements/${statement.id}/audit`)
    expect(trail.status).toBe(200)
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual(['statement_created', 'settings_changed', 'version_named', 'locked', 'unlocked'])
    expect(trail.body.entries[1].details.changes.title).toEqual({ from: 'Statement', to: 'Renamed' })
    expect(trail.body.entries[4]).toMatchObject({ actorName: 'coordinator', details: { reason: 'Typo' } })
    const confidential = await createStatement(alliance.coordinator, { visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })
    expect((await alliance.outsider.get(`/api/statements/${confidential.id}/audit`)).status).toBe(404)
  })
  // Last: it restarts the server, which changes its address.
  it('refuses every update after the lock: on the server, for other clients and after a restart', async () => {
    const { statement, writer } = await draft('Final words.')
    const forger = await rawReplica(server, statement.id, alliance.drafter.cookie)
    await waitFor(() => forger.doc.getXmlFragment('default').length === 1, { what: 'forger synced' })
    await waitFor(() => forger.notices.includes('edit'))
    const fingerprint = (await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)).body.fingerprint

    // The connection opened before the lock is downgraded live…
    await waitFor(() => forger.notices.at(-1) === 'read', { what: 'read-only notice' })
    // …and whatever it sends now is refused: a forged update and a forged sync step 2.
    const before = Y.encodeStateVector(forger.doc)
    appendParagraph(forger.doc, 'Smuggled after the lock')
    const forged = Y.encodeStateAsUpdate(forger.doc, before)
    forger.ws.send(syncMessage(syncProtocol.messageYjsUpdate, forged))
    forger.ws.send(syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(forger.doc)))
    // The stock provider edits too: its local change must never reach the server.
    appendParagraph(writer.doc, 'Typed after the lock')
    await forger.roundTrip()
    expect(forger.closeCode()).toBeNull()
    expect((await alliance.coordinator.get(`/api/statements/${statement.id}/fingerprint`)).body.fingerprint).toBe(fingerprint)
    expect(await content(statement.id)).toBe('Final words.')

    const other = connectProvider(server, statement.id, alliance.outsider.cookie)
    cleanups.push(() => other.provider.destroy())
    await synced(other.provider)
    expect(other.text()).toBe('<paragraph>Final words.</paragraph>')

    writer.provider.destroy()
    forger.ws.close()
    other.provider.destroy()
    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir })
    const coordinator = await server.client().login('coordinator@alliance.test', 'member-password-1')
    alliance = { ...alliance, coordinator, drafter: await server.client().login('drafter@drafting.test', 'member-password-1') }
    expect((await coordinator.get(`/api/statements/${statement.id}/fingerprint`)).body.fingerprint).toBe(fingerprint)
    expect((await coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text).toBe('Final words.')
  })
})
