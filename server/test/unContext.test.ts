import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DashboardDto, DashboardStatementDto } from '../../shared/api/dashboard.js'
import { MESSAGE_AUTH, readAccessNotice } from '../../shared/collab/accessNotice.js'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { FORUM_CATALOGUE } from '../../shared/domain/forumCatalogue.js'
import { deadlineBefore } from '../../shared/domain/presets.js'
import { createOrganization, createStatement, invitePerson, seedAlliance, type Alliance } from './alliance.js'
import type { ApiClient, ApiResponse } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { rawSocket, type RawSocket } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * Issue 7 over real HTTP and WebSockets: forums, meetings, agenda items, working groups,
 * presets applied at creation, working-group visibility and the dashboard, against a
 * server whose clock the test sets.
 */

function accessNotices(received: Uint8Array[]): string[] {
  return received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return []
    return [readAccessNotice(decoder)?.access ?? 'other']
  })
}

function expectFieldError(res: ApiResponse, field: string): void {
  expect(res.status, res.text).toBe(400)
  expect(res.body.error.code).toBe('validation_failed')
  expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: [field] })]))
}

let clock = new Date('2026-05-01T09:00:00.000Z')
let server: TestServer
let alliance: Alliance
/** Of the other organisation; chairs working groups as a person. */
let chair: ApiClient
let chairId: string
let sequence = 0
const unique = (prefix: string) => `${prefix} ${++sequence}`
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, env: { SESSION_TTL_HOURS: String(24 * 365) } })
  alliance = await seedAlliance(server)
  chair = await invitePerson(server, alliance.admin, 'chair@other.test', alliance.other.id)
  chairId = (await chair.get('/api/me')).body.user.id
})
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.ws.terminate()
  clock = new Date('2026-05-01T09:00:00.000Z')
})
afterAll(() => server.stop({ removeData: true }))

async function created(res: Promise<ApiResponse>): Promise<any> {
  const response = await res
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status} ${response.text}`)
  return response.body
}

const meeting = (forumId: string, startDate: string, endDate: string, name = unique('Session')) =>
  created(alliance.coordinator.post('/api/meetings', { forumId, name, startDate, endDate, venue: 'Vienna International Centre' }))

describe('seeded forums', () => {
  it('lists every catalogue forum to every member, under its seed key, with its presets', async () => {
    const res = await alliance.outsider.get('/api/forums')
    expect(res.status).toBe(200)
    const byId = new Map(res.body.forums.map((forum: any) => [forum.id, forum]))
    for (const seed of FORUM_CATALOGUE) expect(byId.get(seed.seedKey)).toMatchObject({ name: seed.name, shortName: seed.shortName, presets: seed.presets })
    expect(byId.get('ccpcj')).toMatchObject({ presets: { oral: { speakingLimitSeconds: 180, wordsPerMinute: 100 }, written: { wordLimits: { general: 2000, special: 1500, roster: 1500, none: null } } } })
    expect(byId.get('hrc')).toMatchObject({ presets: { oral: { speakingLimitSeconds: 120, generalDebateSpeakingLimitSeconds: 90 } } })
    expect(byId.get('csw')).toMatchObject({ presets: { written: { coverPageWords: 100 } } })
  })

  it('adds a missing seed forum at the next start and never overwrites an admin\'s edit', async () => {
    const own = await startTestServer()
    try {
      const admin = await own.admin()
      const edited = await admin.patch('/api/forums/ccpcj', { cadence: 'Edited by the admin', presets: { ...FORUM_CATALOGUE[0]?.presets, deadlineDaysBeforeMeeting: 45 } })
      expect(edited.status, edited.text).toBe(200)
      await own.stop()
      const file = path.join(own.dataDir, 'meta', 'forums.json')
      const stored = JSON.parse(await readFile(file, 'utf8'))
      stored.items = stored.items.filter((forum: { id: string }) => forum.id !== 'hrc')
      await writeFile(file, JSON.stringify(stored))

      const restarted = await startTestServer({ dataDir: own.dataDir })
      try {
        const forums = (await (await restarted.admin()).get('/api/forums')).body.forums
        expect(forums.map((forum: { id: string }) => forum.id).sort()).toEqual(FORUM_CATALOGUE.map((seed) => seed.seedKey).sort())
        expect(forums.find((forum: { id: string }) => forum.id === 'ccpcj')).toMatchObject({ cadence: 'Edited by the admin', presets: { deadlineDaysBeforeMeeting: 45 } })
      } finally {
        await restarted.stop({ removeData: true })
      }
    } finally {
      await own.stop({ removeData: true })
    }
  })
})

describe('who may call the new routes', () => {
  // anonymous, member, coordinator, admin
  type Row = { route: string; call: (c: ApiClient) => Promise<ApiResponse>; expect: [number, number, number, number] }
  let meetingId: string
  let groupId: string
  beforeAll(async () => {
    meetingId = (await meeting('ccpcj', '2026-05-18', '2026-05-22')).id
    groupId = (await created(alliance.coordinator.post('/api/working-groups', { name: unique('Group') }))).id
  })

  const rows: Row[] = [
    { route: 'GET /api/forums', call: (c) => c.get('/api/forums'), expect: [401, 200, 200, 200] },
    { route: 'POST /api/forums', call: (c) => c.post('/api/forums', { name: unique('Forum'), shortName: 'F' }), expect: [401, 403, 201, 201] },
    { route: 'PATCH /api/forums/{id}', call: (c) => c.patch('/api/forums/unga', { description: unique('Description') }), expect: [401, 403, 200, 200] },
    { route: 'PATCH /api/forums/{id} missing', call: (c) => c.patch('/api/forums/nope', { description: 'x' }), expect: [401, 403, 404, 404] },
    { route: 'GET /api/meetings', call: (c) => c.get('/api/meetings?upcoming=true&forumId=ccpcj'), expect: [401, 200, 200, 200] },
    {
      route: 'POST /api/meetings',
      call: (c) => c.post('/api/meetings', { forumId: 'hrc', name: unique('HRC'), startDate: '2026-06-15', endDate: '2026-07-10', venue: 'Geneva' }),
      expect: [401, 403, 201, 201],
    },
    { route: 'GET /api/meetings/{id}', call: (c) => c.get(`/api/meetings/${meetingId}`), expect: [401, 200, 200, 200] },
    { route: 'GET /api/meetings/{id} missing', call: (c) => c.get('/api/meetings/nope'), expect: [401, 404, 404, 404] },
    { route: 'PATCH /api/meetings/{id}', call: (c) => c.patch(`/api/meetings/${meetingId}`, { venue: unique('Room') }), expect: [401, 403, 200, 200] },
    { route: 'GET /api/meetings/{id}/agenda-items', call: (c) => c.get(`/api/meetings/${meetingId}/agenda-items`), expect: [401, 200, 200, 200] },
    { route: 'POST /api/meetings/{id}/agenda-items', call: (c) => c.post(`/api/meetings/${meetingId}/agenda-items`, { number: '3', title: unique('Item') }), expect: [401, 403, 201, 201] },
    { route: 'POST /api/meetings/{id}/agenda-items missing', call: (c) => c.post('/api/meetings/nope/agenda-items', { number: '3', title: 'Item' }), expect: [401, 403, 404, 404] },
    { route: 'GET /api/working-groups', call: (c) => c.get('/api/working-groups'), expect: [401, 200, 200, 200] },
    { route: 'POST /api/working-groups', call: (c) => c.post('/api/working-groups', { name: unique('Group') }), expect: [401, 403, 201, 201] },
    { route: 'PATCH /api/working-groups/{id}', call: (c) => c.patch(`/api/working-groups/${groupId}`, { description: unique('About') }), expect: [401, 403, 200, 200] },
    { route: 'PATCH /api/working-groups/{id} missing', call: (c) => c.patch('/api/working-groups/nope', { description: 'x' }), expect: [401, 403, 404, 404] },
    { route: 'GET /api/dashboard', call: (c) => c.get('/api/dashboard'), expect: [401, 200, 200, 200] },
  ]

  it.each(rows)('$route', async (row) => {
    const callers = [alliance.anonymous, alliance.drafter, alliance.coordinator, alliance.admin]
    const statuses = []
    for (const caller of callers) statuses.push((await row.call(caller)).status)
    expect(statuses).toEqual(row.expect)
  })

  it('answers anonymous callers with the unauthenticated code and members with forbidden', async () => {
    const anonymous = await alliance.anonymous.get('/api/forums')
    expect(anonymous.body.error.code).toBe('unauthenticated')
    const member = await alliance.drafter.post('/api/working-groups', { name: unique('Group') })
    expect(member.body.error.code).toBe('forbidden')
  })
})

describe('validation', () => {
  it('refuses meetings with malformed or impossible dates, an end before the start, or an unknown forum', async () => {
    const body = { forumId: 'ccpcj', name: 'CCPCJ 35', startDate: '2026-05-18', endDate: '2026-05-22', venue: 'Vienna' }
    expectFieldError(await alliance.coordinator.post('/api/meetings', { ...body, startDate: '18/05/2026' }), 'startDate')
    expectFieldError(await alliance.coordinator.post('/api/meetings', { ...body, startDate: '2026-02-30', endDate: '2026-03-01' }), 'startDate')
    expectFieldError(await alliance.coordinator.post('/api/meetings', { ...body, endDate: '2026-05-17' }), 'endDate')
    expectFieldError(await alliance.coordinator.post('/api/meetings', { ...body, forumId: 'no-such-forum' }), 'forumId')
    const oneDay = await alliance.coordinator.post('/api/meetings', { ...body, endDate: '2026-05-18' })
    expect(oneDay.status).toBe(201)
    expectFieldError(await alliance.coordinator.patch(`/api/meetings/${oneDay.body.id}`, { endDate: '2026-05-10' }), 'endDate')
    expectFieldError(await alliance.coordinator.patch(`/api/meetings/${oneDay.body.id}`, { startDate: '2026-05-19' }), 'startDate')
    expectFieldError(await alliance.coordinator.patch(`/api/meetings/${oneDay.body.id}`, { forumId: 'no-such-forum' }), 'forumId')
    expect((await alliance.coordinator.get(`/api/meetings/${oneDay.body.id}`)).body).toMatchObject({ startDate: '2026-05-18', endDate: '2026-05-18', forumId: 'ccpcj' })
  })

  it('refuses forum presets out of range and working groups naming unknown organisations or users, or a taken name', async () => {
    const presets = structuredClone(FORUM_CATALOGUE[0]?.presets) as any
    presets.oral.wordsPerMinute = 0
    expect((await alliance.admin.patch('/api/forums/ccpcj', { presets })).status).toBe(400)
    expectFieldError(await alliance.coordinator.post('/api/working-groups', { name: unique('Group'), memberOrganizationIds: ['no-such-org'] }), 'memberOrganizationIds')
    expectFieldError(await alliance.coordinator.post('/api/working-groups', { name: unique('Group'), chairUserIds: [alliance.drafting.id] }), 'chairUserIds')
    const name = unique('Group')
    await created(alliance.coordinator.post('/api/working-groups', { name }))
    const taken = await alliance.coordinator.post('/api/working-groups', { name: name.toUpperCase() })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('working_group_name_taken')
  })

  it('refuses statements whose meeting, agenda item, working group or submitting organisation do not exist or do not fit', async () => {
    const first = await meeting('ccpcj', '2026-05-18', '2026-05-22')
    const second = await meeting('ccpcj', '2026-12-07', '2026-12-08')
    const itemOfSecond = await created(alliance.coordinator.post(`/api/meetings/${second.id}/agenda-items`, { number: '2', title: 'Reconvened' }))
    const group = await created(alliance.coordinator.post('/api/working-groups', { name: unique('Group'), memberOrganizationIds: [alliance.drafting.id] }))
    const post = (body: Record<string, unknown>) => alliance.coordinator.post('/api/statements', { title: 'T', visibility: 'members', ...body })
    expectFieldError(await post({ meetingId: 'no-such-meeting' }), 'meetingId')
    expectFieldError(await post({ meetingId: first.id, agendaItemId: itemOfSecond.id }), 'agendaItemId')
    expectFieldError(await post({ agendaItemId: itemOfSecond.id }), 'agendaItemId')
    expectFieldError(await post({ workingGroupId: 'no-such-group' }), 'workingGroupId')
    expectFieldError(await post({ visibility: 'working_group' }), 'workingGroupId')
    expectFieldError(await post({ visibility: 'working_group', workingGroupId: group.id, draftingOrganizationIds: [alliance.other.id] }), 'draftingOrganizationIds')
    expectFieldError(await post({ submittingOrganizationId: 'no-such-org' }), 'submittingOrganizationId')

    const statement = await createStatement(alliance.coordinator, { visibility: 'members', meetingId: second.id, agendaItemId: itemOfSecond.id })
    expectFieldError(await alliance.coordinator.patch(`/api/statements/${statement.id}`, { meetingId: first.id }), 'agendaItemId')
    const moved = await alliance.coordinator.patch(`/api/statements/${statement.id}`, { meetingId: first.id, agendaItemId: null })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ meetingId: first.id, agendaItemId: null })
    expectFieldError(await alliance.coordinator.patch(`/api/statements/${statement.id}`, { visibility: 'working_group' }), 'workingGroupId')
  })
})

describe('presets at creation', () => {
  it('fills an oral statement at the CCPCJ from the forum: 180 seconds at 100 words a minute, the deadline 30 days ahead, the forum name', async () => {
    const ccpcj = await meeting('ccpcj', '2026-05-18', '2026-05-22')
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', kind: 'oral', meetingId: ccpcj.id })
    expect(statement).toMatchObject({
      forum: 'CCPCJ',
      speakingLimitSeconds: 180,
      wordsPerMinute: 100,
      wordLimit: null,
      deadline: deadlineBefore('2026-05-18', 30),
      meetingId: ccpcj.id,
      agendaItemId: null,
    })
    expect(statement.deadline).toBe('2026-04-18T23:59:00.000Z')
  })

  it('gives 90 seconds in a general debate of the Human Rights Council and 120 under other items', async () => {
    const hrc = await meeting('hrc', '2026-06-15', '2026-07-10')
    const generalDebate = await created(alliance.coordinator.post(`/api/meetings/${hrc.id}/agenda-items`, { number: '4', title: 'General debate', generalDebate: true }))
    const interactive = await created(alliance.coordinator.post(`/api/meetings/${hrc.id}/agenda-items`, { number: '3', title: 'Interactive dialogue' }))
    expect((await alliance.drafter.get(`/api/meetings/${hrc.id}/agenda-items`)).body.agendaItems.map((item: any) => item.id)).toEqual([generalDebate.id, interactive.id])
    const gd = await createStatement(alliance.coordinator, { visibility: 'members', meetingId: hrc.id, agendaItemId: generalDebate.id, forum: 'HRC 62' })
    const other = await createStatement(alliance.coordinator, { visibility: 'members', meetingId: hrc.id, agendaItemId: interactive.id })
    expect(gd).toMatchObject({ speakingLimitSeconds: 90, forum: 'HRC 62', deadline: '2026-06-01T23:59:00.000Z' })
    expect(other).toMatchObject({ speakingLimitSeconds: 120, forum: 'HRC' })
  })

  it('sets a written statement\'s word limit by the submitting organisation\'s ECOSOC status, less the cover page at the CSW', async () => {
    const general = await createOrganization(alliance.admin, unique('General Org'), { ecosocStatus: 'general' })
    const ccpcj = await meeting('ccpcj', '2026-05-18', '2026-05-22')
    const csw = await meeting('csw', '2027-03-08', '2027-03-19')
    const written = (meetingId: string, submittingOrganizationId?: string) =>
      createStatement(alliance.coordinator, { visibility: 'members', kind: 'written', meetingId, ...(submittingOrganizationId ? { submittingOrganizationId } : {}) })
    const me = (await alliance.coordinator.get('/api/me')).body.organization
    const byCreator = await written(ccpcj.id)
    expect(byCreator).toMatchObject({ submittingOrganizationId: me.id, wordLimit: null, speakingLimitSeconds: null })
    expect(await written(ccpcj.id, alliance.drafting.id)).toMatchObject({ wordLimit: 1500, submittingOrganizationId: alliance.drafting.id })
    expect(await written(ccpcj.id, general.id)).toMatchObject({ wordLimit: 2000 })
    expect(await written(csw.id, general.id)).toMatchObject({ wordLimit: 1900, forum: 'CSW' })
    expect(await written(csw.id, alliance.drafting.id)).toMatchObject({ wordLimit: 1400 })
  })

  it('lets explicit values win, null included, and never re-applies presets on a change', async () => {
    const ccpcj = await meeting('ccpcj', '2026-05-18', '2026-05-22')
    const explicit = await createStatement(alliance.coordinator, {
      visibility: 'members',
      meetingId: ccpcj.id,
      speakingLimitSeconds: 240,
      wordsPerMinute: 130,
      deadline: null,
      wordLimit: 500,
    })
    expect(explicit).toMatchObject({ speakingLimitSeconds: 240, wordsPerMinute: 130, deadline: null, wordLimit: 500 })

    const statement = await createStatement(alliance.coordinator, { visibility: 'members', meetingId: ccpcj.id })
    const hrc = await meeting('hrc', '2026-06-15', '2026-07-10')
    const changed = await alliance.coordinator.patch(`/api/statements/${statement.id}`, { kind: 'written', meetingId: hrc.id, submittingOrganizationId: alliance.drafting.id })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ kind: 'written', meetingId: hrc.id, speakingLimitSeconds: 180, wordLimit: null, wordsPerMinute: 100, deadline: statement.deadline, forum: 'CCPCJ' })

    const presets = structuredClone(FORUM_CATALOGUE.find((seed) => seed.seedKey === 'ccpcj')?.presets) as any
    presets.oral.speakingLimitSeconds = 120
    expect((await alliance.admin.patch('/api/forums/ccpcj', { presets })).status).toBe(200)
    expect((await alliance.coordinator.get(`/api/statements/${explicit.id}`)).body.speakingLimitSeconds).toBe(240)
    expect((await createStatement(alliance.coordinator, { visibility: 'members', meetingId: ccpcj.id })).speakingLimitSeconds).toBe(120)
    presets.oral.speakingLimitSeconds = 180
    expect((await alliance.admin.patch('/api/forums/ccpcj', { presets })).status).toBe(200)
  })

  it('keeps the old defaults without a meeting', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    expect(statement).toMatchObject({ forum: '', deadline: null, wordLimit: null, speakingLimitSeconds: null, wordsPerMinute: 120, meetingId: null })
  })
})

describe('working-group visibility', () => {
  async function groupStatement(memberOrganizationIds: string[], drafting: string[] = []) {
    const group = await created(alliance.coordinator.post('/api/working-groups', { name: unique('Group'), memberOrganizationIds, chairUserIds: [chairId] }))
    const statement = await createStatement(alliance.coordinator, { visibility: 'working_group', workingGroupId: group.id, draftingOrganizationIds: drafting })
    return { group, statement }
  }
  const listed = async (client: ApiClient, query = '') => (await client.get(`/api/statements${query}`)).body.statements.map((s: { id: string }) => s.id)

  it('shows the statement to the group\'s organisations and chairs and to staff, and to nobody else, in lists too', async () => {
    const { group, statement } = await groupStatement([alliance.drafting.id])
    expect((await alliance.drafter.get(`/api/statements/${statement.id}`)).body.access).toBe('edit')
    expect((await chair.get(`/api/statements/${statement.id}`)).body.access).toBe('edit')
    expect((await alliance.coordinator.get(`/api/statements/${statement.id}`)).body.access).toBe('edit')
    const hidden = await alliance.outsider.get(`/api/statements/${statement.id}`)
    expect(hidden.status).toBe(404)
    expect(hidden.body.error.code).toBe('not_found')
    expect((await alliance.outsider.get(`/api/statements/${statement.id}/versions`)).status).toBe(404)

    expect(await listed(alliance.drafter)).toContain(statement.id)
    expect(await listed(chair)).toContain(statement.id)
    expect(await listed(alliance.outsider)).not.toContain(statement.id)
    expect(await listed(alliance.drafter, `?workingGroupId=${group.id}`)).toEqual([statement.id])
    expect(await listed(alliance.outsider, `?workingGroupId=${group.id}`)).toEqual([])
  })

  it('makes the group\'s other organisations and chairs readers when drafting organisations are listed', async () => {
    const { statement } = await groupStatement([alliance.drafting.id, alliance.other.id], [alliance.drafting.id])
    expect((await alliance.drafter.get(`/api/statements/${statement.id}`)).body.access).toBe('edit')
    expect((await alliance.outsider.get(`/api/statements/${statement.id}`)).body.access).toBe('read')
    expect((await chair.get(`/api/statements/${statement.id}`)).body.access).toBe('read')
    const named = await alliance.outsider.post(`/api/statements/${statement.id}/versions`, { label: 'Mine' })
    expect(named.status).toBe(403)
  })

  it('refuses the socket of an organisation outside the group at the upgrade', async () => {
    const { statement } = await groupStatement([alliance.drafting.id])
    const outsider = rawSocket(server, statement.id, alliance.outsider.cookie)
    sockets.push(outsider)
    await expect(outsider.opened()).rejects.toThrow(/404/)
  })

  it('closes the live sockets of an organisation and a chair the group drops, and downgrades when drafting narrows', async () => {
    const { group, statement } = await groupStatement([alliance.drafting.id, alliance.other.id])
    const outsider = rawSocket(server, statement.id, alliance.outsider.cookie)
    const chairSocket = rawSocket(server, statement.id, chair.cookie)
    const drafter = rawSocket(server, statement.id, alliance.drafter.cookie)
    sockets.push(outsider, chairSocket, drafter)
    await Promise.all([outsider.opened(), chairSocket.opened(), drafter.opened()])
    await waitFor(() => [outsider, chairSocket, drafter].every((s) => accessNotices(s.received).length === 1), { what: 'first access notices' })
    expect(accessNotices(outsider.received)).toEqual(['edit'])

    await alliance.coordinator.patch(`/api/statements/${statement.id}`, { draftingOrganizationIds: [alliance.drafting.id] })
    await waitFor(() => accessNotices(outsider.received).at(-1) === 'read', { what: 'outsider downgraded' })
    await waitFor(() => accessNotices(chairSocket.received).at(-1) === 'read', { what: 'chair downgraded' })

    const changed = await alliance.coordinator.patch(`/api/working-groups/${group.id}`, { memberOrganizationIds: [alliance.drafting.id] })
    expect(changed.status).toBe(200)
    await waitFor(() => outsider.closeCode() === CloseCode.notFound, { what: 'outsider closed with 4404' })
    expect(chairSocket.closeCode()).toBeNull()
    expect((await alliance.outsider.get(`/api/statements/${statement.id}`)).status).toBe(404)

    await alliance.coordinator.patch(`/api/working-groups/${group.id}`, { chairUserIds: [] })
    await waitFor(() => chairSocket.closeCode() === CloseCode.notFound, { what: 'chair closed with 4404' })
    expect(drafter.closeCode()).toBeNull()
    expect(accessNotices(drafter.received)).toEqual(['edit'])
    await drafter.roundTrip()
    expect(drafter.closeCode()).toBeNull()
  })

  it('upgrades the live socket of an organisation the group takes in once it reconnects, and of a reader whose organisation becomes a drafter', async () => {
    const { group, statement } = await groupStatement([alliance.drafting.id, alliance.other.id], [alliance.drafting.id])
    const outsider = rawSocket(server, statement.id, alliance.outsider.cookie)
    sockets.push(outsider)
    await outsider.opened()
    await waitFor(() => accessNotices(outsider.received).at(-1) === 'read', { what: 'read notice' })
    await alliance.coordinator.patch(`/api/statements/${statement.id}`, { draftingOrganizationIds: [] })
    await waitFor(() => accessNotices(outsider.received).at(-1) === 'edit', { what: 'edit notice' })
    await alliance.coordinator.patch(`/api/working-groups/${group.id}`, { name: unique('Renamed') })
    expect((await alliance.outsider.get(`/api/statements/${statement.id}`)).body.access).toBe('edit')
  })
})

describe('dashboard', () => {
  const ids = (items: DashboardStatementDto[]) => items.map((item) => item.statement.id)
  const dashboard = async (client: ApiClient): Promise<DashboardDto> => {
    const res = await client.get('/api/dashboard')
    expect(res.status, res.text).toBe(200)
    return res.body
  }
  const reasons = (d: DashboardDto, statementId: string) => d.needsMyAction.filter((n) => n.item.statement.id === statementId).map((n) => n.reason)

  it('shows each caller their upcoming meetings, other statements and what needs them, by the server\'s clock', async () => {
    // Its own forum, so other tests' meetings and statements stay out of the picture.
    const forum = await created(alliance.admin.post('/api/forums', { name: unique('Dashboard forum'), shortName: 'DF' }))
    const soon = await meeting(forum.id, '2026-05-18', '2026-05-22', 'Soon')
    const later = await meeting(forum.id, '2026-06-15', '2026-06-19', 'Later')
    const past = await meeting(forum.id, '2026-03-02', '2026-03-06', 'Past')
    const item = await created(alliance.coordinator.post(`/api/meetings/${soon.id}/agenda-items`, { number: '5', title: 'Item' }))
    // Open to all, drafted by the drafting organisation, due in four days, three words allowed.
    const dueSoon = await createStatement(alliance.coordinator, {
      title: 'Due soon', visibility: 'members', draftingOrganizationIds: [alliance.drafting.id], meetingId: soon.id, agendaItemId: item.id, deadline: '2026-05-05T12:00:00.000Z', wordLimit: 3,
    })
    const confidential = await createStatement(alliance.coordinator, {
      title: 'Confidential', visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id], meetingId: soon.id, deadline: '2026-05-15T12:00:00.000Z',
    })
    const overdue = await createStatement(alliance.coordinator, { title: 'Overdue', visibility: 'members', meetingId: past.id, deadline: '2026-04-30T12:00:00.000Z' })
    const toSign = await createStatement(alliance.coordinator, { title: 'To sign', visibility: 'members', meetingId: later.id, deadline: null })
    expect((await alliance.coordinator.post(`/api/statements/${toSign.id}/lock`)).status).toBe(200)
    const closedPast = await createStatement(alliance.coordinator, { title: 'Closed', visibility: 'members', meetingId: past.id })
    expect((await alliance.coordinator.post(`/api/statements/${closedPast.id}/lock`)).status).toBe(200)
    expect((await alliance.coordinator.post(`/api/statements/${closedPast.id}/close`)).status).toBe(200)

    // Three words typed live: the reading comes from the current text.
    const editor = connectProvider(server, dueSoon.id, alliance.drafter.cookie)
    try {
      await synced(editor.provider)
      appendParagraph(editor.doc, 'We urge States')
      await waitFor(async () => (await alliance.drafter.get(`/api/statements/${dueSoon.id}/content?format=text`)).text === 'We urge States')

      const drafter = await dashboard(alliance.drafter)
      const mine = drafter.upcomingMeetings.filter((m) => m.forum.id === forum.id)
      expect(mine.map((m) => m.meeting.name)).toEqual(['Soon', 'Later'])
      expect(mine[0]?.forum).toEqual({ id: forum.id, name: forum.name, shortName: 'DF' })
      expect(mine[0]?.agendaItems.map((a) => a.id)).toEqual([item.id])
      expect(ids(mine[0]?.statements ?? [])).toEqual([dueSoon.id, confidential.id])
      expect(mine[0]?.statements[0]).toMatchObject({
        statement: { id: dueSoon.id, access: 'edit', status: 'drafting' },
        limit: { words: 3, speakingSeconds: 2, wordLimit: 3, speakingLimitSeconds: 180, level: 'near' },
        endorsementCount: 0,
      })
      expect(ids(mine[1]?.statements ?? [])).toEqual([toSign.id])
      expect(ids(drafter.otherStatements)).toContain(overdue.id)
      expect(ids(drafter.otherStatements)).not.toContain(closedPast.id)
      expect(ids(drafter.otherStatements)).not.toContain(dueSoon.id)
      expect(reasons(drafter, dueSoon.id)).toEqual(['deadline_soon'])
      expect(reasons(drafter, confidential.id)).toEqual([])
      expect(reasons(drafter, overdue.id)).toEqual([])
      expect(reasons(drafter, toSign.id)).toEqual(['not_endorsed'])

      const outsider = await dashboard(alliance.outsider)
      const theirs = outsider.upcomingMeetings.filter((m) => m.forum.id === forum.id)
      expect(ids(theirs[0]?.statements ?? [])).toEqual([dueSoon.id])
      expect(theirs[0]?.statements[0]?.statement.access).toBe('read')
      expect(reasons(outsider, dueSoon.id)).toEqual([])
      expect(reasons(outsider, toSign.id)).toEqual(['not_endorsed'])

      appendParagraph(editor.doc, 'to act')
      await waitFor(async () => (await dashboard(alliance.drafter)).upcomingMeetings.find((m) => m.meeting.id === soon.id)?.statements[0]?.limit.level === 'over', {
        what: 'the meter over the limit',
      })
    } finally {
      editor.provider.destroy()
    }

    // The drafting organisation endorses: its action is done, the other's is not, the count moves.
    const endorsed = await alliance.drafter.post(`/api/statements/${toSign.id}/endorsements`, { signatoryName: 'Amina Odhiambo' })
    expect(endorsed.status, endorsed.text).toBe(201)
    const after = await dashboard(alliance.drafter)
    expect(reasons(after, toSign.id)).toEqual([])
    expect(after.upcomingMeetings.find((m) => m.meeting.id === later.id)?.statements[0]?.endorsementCount).toBe(1)
    expect(reasons(await dashboard(alliance.outsider), toSign.id)).toEqual(['not_endorsed'])

    // Once the room has unloaded the count comes from the stored text.
    await waitFor(async () => !(await server.documents.peek(dueSoon.id)), { what: 'unload after the editor left' })
    expect((await dashboard(alliance.drafter)).upcomingMeetings.find((m) => m.meeting.id === soon.id)?.statements[0]?.limit.words).toBe(5)

    // Three weeks on: the first meeting is over, its open statements move to the other list, the deadline has passed.
    clock = new Date('2026-05-23T08:00:00.000Z')
    const later23 = await dashboard(alliance.drafter)
    expect(later23.upcomingMeetings.filter((m) => m.forum.id === forum.id).map((m) => m.meeting.name)).toEqual(['Later'])
    expect(ids(later23.otherStatements)).toEqual(expect.arrayContaining([dueSoon.id, confidential.id, overdue.id]))
    expect(reasons(later23, dueSoon.id)).toEqual([])
  })

  it('counts the stored text after a restart', async () => {
    const own = await startTestServer()
    try {
      const admin = await own.admin()
      const statement = await createStatement(admin, { visibility: 'members', speakingLimitSeconds: 60, wordsPerMinute: 60 })
      const editor = connectProvider(own, statement.id, admin.cookie)
      await synced(editor.provider)
      appendParagraph(editor.doc, 'one two three four five six seven eight nine ten')
      await waitFor(async () => (await admin.get(`/api/statements/${statement.id}/content?format=text`)).text.endsWith('ten'))
      editor.provider.destroy()
      await waitFor(async () => !(await own.documents.peek(statement.id)), { what: 'unload' })
      await own.stop()
      const restarted = await startTestServer({ dataDir: own.dataDir })
      try {
        const reading = (await (await restarted.admin()).get('/api/dashboard')).body.otherStatements[0]
        expect(reading).toMatchObject({ statement: { id: statement.id }, limit: { words: 10, speakingSeconds: 10, speakingLimitSeconds: 60, level: 'ok' } })
        // Loaded for the count and released, not kept open.
        await waitFor(async () => !(await restarted.documents.peek(statement.id)), { what: 'unload after counting' })
      } finally {
        await restarted.stop({ removeData: true })
      }
    } finally {
      await own.stop({ removeData: true })
    }
  })
})
