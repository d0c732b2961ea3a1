import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../security/password.js'
import { startSession } from '../services/sessions.js'
import { createOrganization, createStatement, invitePerson, seedAlliance, type Alliance } from './alliance.js'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

describe('sign-on', () => {
  let server: TestServer
  let alliance: Alliance
  let signatory: ApiClient
  beforeAll(async () => {
    server = await startTestServer({ env: { SIGNON_MAX_SUBMISSIONS: '1000' } })
    alliance = await seedAlliance(server)
    // The drafter may sign (seedAlliance); a second organisation's signatory:
    signatory = await invitePerson(server, alliance.admin, 'signatory@other.test', alliance.other.id, 'member', true)
  })
  afterAll(() => server.stop({ removeData: true }))

  /** A statement with text, locked: ready for sign-on. */
  async function lockedStatement(text = 'We call on States to act.', extra: Record<string, unknown> = {}) {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', ...extra })
    const writer = connectProvider(server, statement.id, alliance.coordinator.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, text)
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text.includes(text))
    const lock = await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)
    return { statement, writer, fingerprint: lock.body.fingerprint as string }
  }
  const endorse = (client: ApiClient, id: string, body: Record<string, unknown> = {}) =>
    client.post(`/api/statements/${id}/endorsements`, { signatoryName: 'Ana Signatory', signatoryTitle: 'Director', ...body })

  it('lets a member with canSign endorse the locked text once, bound to its fingerprint', async () => {
    const { statement, writer, fingerprint } = await lockedStatement()
    const first = await endorse(alliance.drafter, statement.id, { comment: 'Proud to sign' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ status: 'approved', source: 'member', fingerprint, stale: false, organization: { name: 'Drafting Org' }, contactEmail: 'drafter@drafting.test' })
    const again = await endorse(alliance.drafter, statement.id)
    expect([again.status, again.body.error.code]).toEqual([409, 'already_endorsed'])
    expect((await endorse(alliance.outsider, statement.id)).status).toBe(403) // no canSign
    expect((await endorse(alliance.anonymous, statement.id)).status).toBe(401)
    writer.provider.destroy()
  })

  it('refuses endorsements before the lock and after closing; withdrawing works until then', async () => {
    const drafting = await createStatement(alliance.coordinator, { visibility: 'members' })
    const early = await endorse(alliance.drafter, drafting.id)
    expect([early.status, early.body.error.code]).toEqual([409, 'statement_not_locked'])

    const { statement, writer } = await lockedStatement()
    const mine = (await endorse(alliance.drafter, statement.id)).body
    expect((await alliance.outsider.request('DELETE', `/api/statements/${statement.id}/endorsements/${mine.id}`)).status).toBe(403)
    expect((await alliance.drafter.request('DELETE', `/api/statements/${statement.id}/endorsements/${mine.id}`)).status).toBe(204)
    expect((await endorse(alliance.drafter, statement.id)).status).toBe(201) // a withdrawn endorsement does not block a new one
    await alliance.coordinator.post(`/api/statements/${statement.id}/close`)
    const late = await endorse(signatory, statement.id)
    expect([late.status, late.body.error.code]).toEqual([409, 'statement_closed'])
    const list = await alliance.drafter.get(`/api/statements/${statement.id}/endorsements`)
    const withdrawLate = await alliance.drafter.request('DELETE', `/api/statements/${statement.id}/endorsements/${list.body.mine.id}`)
    expect([withdrawLate.status, withdrawLate.body.error.code]).toEqual([409, 'statement_closed'])
    writer.provider.destroy()
  })

  it('shows members the public list only: no people, no contact details, no confidential organisations', async () => {
    const { statement, writer } = await lockedStatement()
    await endorse(alliance.drafter, statement.id, { confidential: true })
    await endorse(signatory, statement.id)
    const seenByMember = await alliance.outsider.get(`/api/statements/${statement.id}/endorsements`)
    expect(seenByMember.body.counts).toMatchObject({ current: 2, confidential: 1, stale: 0 })
    expect(seenByMember.body.endorsements.map((e: { organization: { name: string } }) => e.organization.name)).toEqual(['Other Org'])
    const publicPart = JSON.stringify(seenByMember.body.endorsements)
    expect(publicPart).not.toContain('@')
    expect(publicPart).not.toContain('Ana Signatory')
    expect(JSON.stringify(seenByMember.body)).not.toContain('Drafting Org')
    // Their own organisation's endorsement they see in full.
    expect(seenByMember.body.mine).toMatchObject({ organization: { name: 'Other Org' }, contactEmail: 'signatory@other.test' })
    // Nor does the audit trail give the confidential endorser away.
    const trail = await alliance.outsider.get(`/api/statements/${statement.id}/audit`)
    expect(trail.status).toBe(200)
    expect(trail.text).not.toContain('Drafting Org')
    expect(trail.text).not.toContain('"actorName":"drafter"')
    expect((await alliance.coordinator.get(`/api/statements/${statement.id}/audit`)).text).toContain('Drafting Org')
    const seenByCoordinator = await alliance.coordinator.get(`/api/statements/${statement.id}/endorsements`)
    expect(seenByCoordinator.body.endorsements).toHaveLength(2)
    expect(seenByCoordinator.text).toContain('drafter@drafting.test')
    writer.provider.destroy()
  })

  it('marks endorsements of an earlier text as stale after a new lock, and re-confirms them in one call', async () => {
    const { statement, writer, fingerprint } = await lockedStatement('First text.')
    const mine = (await endorse(alliance.drafter, statement.id)).body
    await alliance.coordinator.post(`/api/statements/${statement.id}/unlock`, { reason: 'New figures' })
    appendParagraph(writer.doc, 'Added after unlocking.')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('Added after'))
    const relocked = (await alliance.coordinator.post(`/api/statements/${statement.id}/lock`)).body
    expect(relocked.fingerprint).not.toBe(fingerprint)

    const list = await alliance.drafter.get(`/api/statements/${statement.id}/endorsements`)
    expect(list.body.mine).toMatchObject({ id: mine.id, stale: true, fingerprint })
    expect(list.body.counts).toMatchObject({ current: 0, stale: 1 })
    const confirmed = await alliance.drafter.post(`/api/statements/${statement.id}/endorsements/${mine.id}/confirm`)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ stale: false, fingerprint: relocked.fingerprint })
    expect((await alliance.drafter.get(`/api/statements/${statement.id}/endorsements`)).body.counts).toMatchObject({ current: 1, stale: 0 })
    writer.provider.destroy()
  })

  it('takes outside organisations through a link: pending, flagged duplicates, approved or rejected by coordinators', async () => {
    const { statement, writer, fingerprint } = await lockedStatement('Text for outside organisations.')
    expect((await alliance.drafter.post(`/api/statements/${statement.id}/signon-links`, {})).status).toBe(403)
    const link = await alliance.coordinator.post(`/api/statements/${statement.id}/signon-links`, { expiresInDays: 7 })
    expect(link.status).toBe(201)
    expect(link.body.url).toBe(`${server.publicUrl}/signon/${link.body.token}`)

    const visitor = new ApiClient(server.url, server.publicUrl)
    const view = await visitor.get(`/api/public/signon/${link.body.token}`)
    expect(view.status).toBe(200)
    expect(view.body.statement).toMatchObject({ text: 'Text for outside organisations.', fingerprint })
    expect(Object.keys(view.body)).toEqual(['statement', 'expiresAt'])

    const form = { organizationName: 'Other Org', country: 'Chile', ecosocStatus: 'none', contactName: 'Rosa', email: 'rosa@other.test', consent: true }
    const submitted = await visitor.post(`/api/public/signon/${link.body.token}`, form)
    expect(submitted.status).toBe(202)
    expect(submitted.body).toEqual({ status: 'pending' })
    expect((await visitor.post(`/api/public/signon/${link.body.token}`, { ...form, consent: false })).status).toBe(400)
    await visitor.post(`/api/public/signon/${link.body.token}`, { ...form, organizationName: 'Fundación Nueva', email: 'x@nueva.test' })

    const pending = (await alliance.coordinator.get(`/api/statements/${statement.id}/endorsements`)).body
    const other = pending.endorsements.find((e: { organization: { name: string } }) => e.organization.name === 'Other Org')
    expect(other).toMatchObject({ status: 'pending', source: 'external', contactEmail: 'rosa@other.test' })
    expect(other.duplicateReasons).toContain('member_organization')
    expect(pending.counts.pending).toBe(2)
    expect((await alliance.outsider.get(`/api/statements/${statement.id}/endorsements`)).body.endorsements).toHaveLength(0)

    expect((await alliance.drafter.post(`/api/statements/${statement.id}/endorsements/${other.id}/approve`)).status).toBe(403)
    expect((await alliance.coordinator.post(`/api/statements/${statement.id}/endorsements/${other.id}/approve`)).body.status).toBe('approved')
    const twice = await alliance.coordinator.post(`/api/statements/${statement.id}/endorsements/${other.id}/reject`)
    expect([twice.status, twice.body.error.code]).toEqual([409, 'endorsement_not_pending'])
    const nueva = pending.endorsements.find((e: { organization: { name: string } }) => e.organization.name === 'Fundación Nueva')
    expect((await alliance.coordinator.post(`/api/statements/${statement.id}/endorsements/${nueva.id}/reject`)).body.status).toBe('rejected')

    expect((await alliance.coordinator.request('DELETE', `/api/statements/${statement.id}/signon-links/${link.body.token}`)).status).toBe(204)
    const dead = await visitor.get(`/api/public/signon/${link.body.token}`)
    expect([dead.status, dead.body.error.code]).toEqual([404, 'signon_link_invalid'])
    expect((await visitor.post(`/api/public/signon/${link.body.token}`, form)).status).toBe(404)
    writer.provider.destroy()
  })

  it('closes the public form when the statement is unlocked', async () => {
    const { statement, writer } = await lockedStatement()
    const link = (await alliance.coordinator.post(`/api/statements/${statement.id}/signon-links`, {})).body
    await alliance.coordinator.post(`/api/statements/${statement.id}/unlock`, { reason: 'Changes' })
    const view = await new ApiClient(server.url).get(`/api/public/signon/${link.token}`)
    expect([view.status, view.body.error.code]).toEqual([409, 'signon_not_open'])
    writer.provider.destroy()
  })

  it('stores 200 simultaneous endorsements from 200 organisations exactly once, across a restart', async () => {
    const { statement, writer } = await lockedStatement('Burst.')
    writer.provider.destroy()
    const passwordHash = await hashPassword('unused-password-1')
    const clients: ApiClient[] = []
    for (let i = 0; i < 200; i += 1) {
      const organization = await createOrganization(alliance.admin, `Burst Org ${i}`)
      const user = await server.ctx.storage.users.create({
        id: `burst-user-${i}`, email: `burst${i}@burst.test`, name: `Burst ${i}`, organizationId: organization.id,
        role: 'member', canSign: true, disabled: false, passwordHash, createdAt: new Date().toISOString(),
      })
      const { token } = await startSession(server.ctx, user.id)
      const client = new ApiClient(server.url, server.publicUrl)
      client.cookie = `plenary_session=${token}`
      clients.push(client)
    }
    const results = await Promise.all(clients.map((client) => endorse(client, statement.id)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(200)
    const doubled = await Promise.all(clients.slice(0, 20).map((client) => endorse(client, statement.id)))
    expect(doubled.every((r) => r.status === 409)).toBe(true)

    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir, env: { SIGNON_MAX_SUBMISSIONS: '1000' } })
    const coordinator = await server.client().login('coordinator@alliance.test', 'member-password-1')
    const list = (await coordinator.get(`/api/statements/${statement.id}/endorsements`)).body
    expect(list.counts.current).toBe(200)
    const names = list.endorsements.map((e: { organization: { name: string } }) => e.organization.name)
    expect(new Set(names).size).toBe(200)
  })
})

describe('sign-on submission limit', () => {
  it('limits submissions per address', async () => {
    const server = await startTestServer({ env: { SIGNON_MAX_SUBMISSIONS: '2' } })
    try {
      const visitor = server.client()
      const statuses = []
      for (let i = 0; i < 3; i += 1) statuses.push((await visitor.post('/api/public/signon/unknown-token', { organizationName: 'x' })).status)
      expect(statuses).toEqual([400, 400, 429])
    } finally {
      await server.stop({ removeData: true })
    }
  })
})
