import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../http/sessionCookie.js'
import { startSession } from '../services/sessions.js'
import { createStatement, invitePerson, PASSWORD, seedAlliance, type Alliance } from './alliance.js'
import { ApiClient, type ApiResponse } from './apiClient.js'
import { apiRoutes, pathVariants } from './routeList.js'
import { ADMIN, startTestServer, type TestServer } from './testServer.js'

/**
 * Every REST route × every kind of caller × every kind of target statement.
 *
 * Callers, in the column order of every cell string below:
 *   anonymous  no cookie
 *   expired    a cookie whose session ran past its TTL (the server's clock moved on)
 *   outsider   member of the other organisation (which drafts `foreign`)
 *   member     member of the drafting organisation, may not sign
 *   signatory  member of the drafting organisation with canSign
 *   coordinator, admin
 * Targets:
 *   own        confidential (visibility drafters) to the drafting organisation
 *   open       visible to all members, drafted by the drafting organisation
 *   foreign    confidential to the other organisation: the member's "another organisation's confidential statement"
 *   missing    an id that does not exist
 * Each cell is the expected status; `-` where the call would change what the
 * other cells see (locking), which lifecycle.test.ts covers.
 */
const CALLERS = ['anonymous', 'expired', 'outsider', 'member', 'signatory', 'coordinator', 'admin'] as const
type Caller = (typeof CALLERS)[number]
const TARGETS = ['own', 'open', 'foreign', 'missing'] as const
type Target = (typeof TARGETS)[number]

interface Fixture {
  statement: Record<Target, string>
  version: Record<Target, string>
  /** A member of the drafting organisation whose account rows leave unchanged. */
  bystanderId: string
  adminId: string
  draftingOrganizationId: string
  /** A CCPCJ meeting and a working group, for the issue 7 routes. */
  meetingId: string
  workingGroupId: string
  unique: () => string
  /** A second session of the caller's person, for calls that end the session they ride on. */
  freshSession: (who: Caller) => Promise<ApiClient>
}

type Call = (c: ApiClient, f: Fixture, target: Target, who: Caller) => Promise<ApiResponse>
/** Seven statuses in CALLERS order, separated by spaces. */
type Cells = string
interface Row {
  /** `METHOD /api/path/{param}` exactly as /api/openapi.json lists it. */
  route: string
  /** What this row's variant sends, when a route has several rows. */
  note?: string
  call: Call
  /** Statement routes: one cell string per target. Others: one for all callers. */
  expect: Cells | Record<Target, Cells>
}

const sid = (f: Fixture, t: Target) => f.statement[t]
const everyone = (status: number): Cells => CALLERS.map(() => String(status)).join(' ')

// The read pattern: who may know each statement exists.
const READ = { own: '401 401 404 200 200 200 200', open: '401 401 200 200 200 200 200', foreign: '401 401 200 404 404 200 200', missing: '401 401 404 404 404 404 404' }
// Drafters may write while drafting; readers who are not drafters get 403, those who may not know it 404.
const DRAFT = { own: '401 401 404 201 201 201 201', open: '401 401 403 201 201 201 201', foreign: '401 401 201 404 404 201 201', missing: '401 401 404 404 404 404 404' }
// Staff only, after the read check: a member who can read gets 403, one who cannot 404.
const STAFF = (ok: number | '-') => ({
  own: `401 401 404 403 403 ${ok} ${ok}`,
  open: `401 401 403 403 403 ${ok} ${ok}`,
  foreign: `401 401 403 404 404 ${ok} ${ok}`,
  missing: '401 401 404 404 404 404 404',
})

const ROWS: Row[] = [
  { route: 'GET /api/health', call: (c) => c.get('/api/health'), expect: everyone(200) },
  { route: 'GET /api/openapi.json', call: (c) => c.get('/api/openapi.json'), expect: everyone(200) },
  {
    route: 'POST /api/auth/login',
    note: 'wrong password (a right one would replace the caller’s session)',
    call: (c, _f, _t, who) => c.post('/api/auth/login', { email: `nobody-${who}@x.test`, password: 'wrong-password-1' }),
    expect: everyone(401),
  },
  { route: 'POST /api/auth/logout', note: 'on a second session of the same person', call: async (_c, f, _t, who) => (await f.freshSession(who)).post('/api/auth/logout'), expect: everyone(204) },
  { route: 'GET /api/me', call: (c) => c.get('/api/me'), expect: '401 401 200 200 200 200 200' },
  { route: 'GET /api/setup', call: (c) => c.get('/api/setup'), expect: everyone(200) },
  {
    route: 'POST /api/setup',
    call: (c, f) => c.post('/api/setup', { token: 'guess', email: `setup-${f.unique()}@x.test`, name: 'Setup', password: PASSWORD }),
    expect: everyone(404),
  },
  { route: 'GET /api/organizations', call: (c) => c.get('/api/organizations'), expect: '401 401 200 200 200 200 200' },
  { route: 'POST /api/organizations', call: (c, f) => c.post('/api/organizations', { name: `Org ${f.unique()}`, country: 'Kenya' }), expect: '401 401 403 403 403 201 201' },
  { route: 'GET /api/users', call: (c) => c.get('/api/users'), expect: '401 401 403 403 403 200 200' },
  // Each PATCH sets a value the account already has, so no other cell changes.
  { route: 'PATCH /api/users/{id}', note: 'a member', call: (c, f) => c.patch(`/api/users/${f.bystanderId}`, { canSign: false }), expect: '401 401 403 403 403 200 200' },
  { route: 'PATCH /api/users/{id}', note: 'the admin', call: (c, f) => c.patch(`/api/users/${f.adminId}`, { canSign: true }), expect: '401 401 403 403 403 403 200' },
  { route: 'PATCH /api/users/{id}', note: 'a member made admin', call: (c, f) => c.patch(`/api/users/${f.bystanderId}`, { role: 'admin', canSign: false, disabled: true }), expect: '401 401 403 403 403 403 -' },
  { route: 'PATCH /api/users/{id}', note: 'missing', call: (c) => c.patch('/api/users/nobody', { canSign: true }), expect: '401 401 403 403 403 404 404' },
  { route: 'GET /api/invitations', call: (c) => c.get('/api/invitations'), expect: '401 401 403 403 403 200 200' },
  {
    route: 'POST /api/invitations',
    note: 'a member',
    call: (c, f) => c.post('/api/invitations', { email: `m${f.unique()}@x.test`, organizationId: f.draftingOrganizationId, role: 'member' }),
    expect: '401 401 403 403 403 201 201',
  },
  {
    route: 'POST /api/invitations',
    note: 'an admin',
    call: (c, f) => c.post('/api/invitations', { email: `a${f.unique()}@x.test`, organizationId: f.draftingOrganizationId, role: 'admin' }),
    expect: '401 401 403 403 403 403 201',
  },
  { route: 'GET /api/invitations/{token}', call: (c) => c.get('/api/invitations/unknown-token'), expect: everyone(404) },
  { route: 'POST /api/invitations/{token}/accept', call: (c) => c.post('/api/invitations/unknown-token/accept', { name: 'X', password: PASSWORD }), expect: everyone(404) },
  { route: 'GET /api/statements', call: (c) => c.get('/api/statements'), expect: '401 401 200 200 200 200 200' },
  { route: 'POST /api/statements', call: (c) => c.post('/api/statements', { title: 'New', visibility: 'members' }), expect: '401 401 403 403 403 201 201' },
  { route: 'GET /api/statements/{id}', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}`), expect: READ },
  { route: 'PATCH /api/statements/{id}', call: (c, f, t) => c.patch(`/api/statements/${sid(f, t)}`, { forum: 'CCPCJ' }), expect: { ...STAFF(200) } },
  { route: 'GET /api/statements/{id}/content', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/content?format=text`), expect: READ },
  { route: 'GET /api/statements/{id}/versions', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/versions`), expect: READ },
  { route: 'POST /api/statements/{id}/versions', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/versions`, { label: 'x' }), expect: DRAFT },
  { route: 'GET /api/statements/{id}/versions/{versionId}', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/versions/${f.version[t]}`), expect: READ },
  {
    route: 'GET /api/statements/{id}/versions/{versionId}',
    note: 'a version of another statement',
    call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/versions/${f.version[t === 'foreign' ? 'own' : 'foreign']}`),
    expect: { own: '401 401 404 404 404 404 404', open: '401 401 404 404 404 404 404', foreign: '401 401 404 404 404 404 404', missing: '401 401 404 404 404 404 404' },
  },
  {
    route: 'POST /api/statements/{id}/versions/{versionId}/restore',
    call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/versions/${f.version[t]}/restore`),
    expect: { own: '401 401 404 200 200 200 200', open: '401 401 403 200 200 200 200', foreign: '401 401 200 404 404 200 200', missing: '401 401 404 404 404 404 404' },
  },
  { route: 'GET /api/statements/{id}/diff', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/diff?from=${f.version[t]}&to=current`), expect: READ },
  { route: 'POST /api/statements/{id}/lock', note: 'allowed cells not run: a lock would change the others', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/lock`), expect: STAFF('-') },
  // Drafting statements: staff reach the state check (409).
  { route: 'POST /api/statements/{id}/unlock', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/unlock`, { reason: 'x' }), expect: STAFF(409) },
  { route: 'POST /api/statements/{id}/close', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/close`), expect: STAFF(409) },
  { route: 'GET /api/statements/{id}/fingerprint', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/fingerprint`), expect: READ },
  { route: 'GET /api/statements/{id}/audit', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/audit`), expect: READ },
  { route: 'GET /api/statements/{id}/endorsements', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/endorsements`), expect: READ },
  {
    route: 'POST /api/statements/{id}/endorsements',
    note: 'drafting, so signatories reach the state check (409)',
    call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/endorsements`, { signatoryName: 'X' }),
    // The coordinator was invited without canSign; the admin from setup may sign.
    expect: { own: '401 401 404 403 409 403 409', open: '401 401 403 403 409 403 409', foreign: '401 401 403 404 404 403 409', missing: '401 401 404 404 404 404 404' },
  },
  {
    route: 'DELETE /api/statements/{id}/endorsements/{endorsementId}',
    call: (c, f, t) => c.request('DELETE', `/api/statements/${sid(f, t)}/endorsements/nope`),
    expect: { own: '401 401 404 404 404 404 404', open: '401 401 404 404 404 404 404', foreign: '401 401 404 404 404 404 404', missing: '401 401 404 404 404 404 404' },
  },
  {
    route: 'POST /api/statements/{id}/endorsements/{endorsementId}/confirm',
    call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/endorsements/nope/confirm`),
    expect: { own: '401 401 404 404 404 404 404', open: '401 401 404 404 404 404 404', foreign: '401 401 404 404 404 404 404', missing: '401 401 404 404 404 404 404' },
  },
  { route: 'POST /api/statements/{id}/endorsements/{endorsementId}/approve', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/endorsements/nope/approve`), expect: STAFF(404) },
  { route: 'POST /api/statements/{id}/endorsements/{endorsementId}/reject', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/endorsements/nope/reject`), expect: STAFF(404) },
  { route: 'GET /api/statements/{id}/signon-links', call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/signon-links`), expect: STAFF(200) },
  { route: 'POST /api/statements/{id}/signon-links', call: (c, f, t) => c.post(`/api/statements/${sid(f, t)}/signon-links`, {}), expect: STAFF(201) },
  { route: 'DELETE /api/statements/{id}/signon-links/{token}', call: (c, f, t) => c.request('DELETE', `/api/statements/${sid(f, t)}/signon-links/nope`), expect: STAFF(404) },
  {
    route: 'GET /api/statements/{id}/signoff',
    note: 'drafting: everyone who may see it reaches the state check (409)',
    call: (c, f, t) => c.get(`/api/statements/${sid(f, t)}/signoff?format=csv`),
    expect: { own: '401 401 404 409 409 409 409', open: '401 401 409 409 409 409 409', foreign: '401 401 409 404 404 409 409', missing: '401 401 404 404 404 404 404' },
  },
  { route: 'GET /api/public/signon/{token}', call: (c) => c.get('/api/public/signon/unknown'), expect: everyone(404) },
  {
    route: 'POST /api/public/signon/{token}',
    call: (c) => c.post('/api/public/signon/unknown', { organizationName: 'Outside', country: 'Peru', ecosocStatus: 'none', contactName: 'C', email: 'c@outside.test', consent: true }),
    expect: everyone(404),
  },
  { route: 'GET /api/public/verify/{fingerprint}', call: (c) => c.get(`/api/public/verify/${'0'.repeat(64)}`), expect: everyone(404) },
  // Issue 7: staff create and change, every member reads. Each PATCH sets a value the record already has.
  { route: 'GET /api/forums', call: (c) => c.get('/api/forums'), expect: '401 401 200 200 200 200 200' },
  { route: 'POST /api/forums', call: (c, f) => c.post('/api/forums', { name: `Forum ${f.unique()}`, shortName: 'F' }), expect: '401 401 403 403 403 201 201' },
  { route: 'PATCH /api/forums/{id}', call: (c) => c.patch('/api/forums/unga', { shortName: 'UNGA' }), expect: '401 401 403 403 403 200 200' },
  { route: 'PATCH /api/forums/{id}', note: 'missing', call: (c) => c.patch('/api/forums/nope', { shortName: 'X' }), expect: '401 401 403 403 403 404 404' },
  { route: 'GET /api/meetings', call: (c) => c.get('/api/meetings?upcoming=true'), expect: '401 401 200 200 200 200 200' },
  {
    route: 'POST /api/meetings',
    call: (c, f) => c.post('/api/meetings', { forumId: 'ccpcj', name: `Session ${f.unique()}`, startDate: '2026-05-18', endDate: '2026-05-22', venue: 'Vienna' }),
    expect: '401 401 403 403 403 201 201',
  },
  { route: 'GET /api/meetings/{id}', call: (c, f) => c.get(`/api/meetings/${f.meetingId}`), expect: '401 401 200 200 200 200 200' },
  { route: 'GET /api/meetings/{id}', note: 'missing', call: (c) => c.get('/api/meetings/nope'), expect: '401 401 404 404 404 404 404' },
  { route: 'PATCH /api/meetings/{id}', call: (c, f) => c.patch(`/api/meetings/${f.meetingId}`, { venue: 'Vienna' }), expect: '401 401 403 403 403 200 200' },
  { route: 'PATCH /api/meetings/{id}', note: 'missing', call: (c) => c.patch('/api/meetings/nope', { venue: 'Vienna' }), expect: '401 401 403 403 403 404 404' },
  { route: 'GET /api/meetings/{id}/agenda-items', call: (c, f) => c.get(`/api/meetings/${f.meetingId}/agenda-items`), expect: '401 401 200 200 200 200 200' },
  {
    route: 'POST /api/meetings/{id}/agenda-items',
    call: (c, f) => c.post(`/api/meetings/${f.meetingId}/agenda-items`, { number: f.unique(), title: 'Item' }),
    expect: '401 401 403 403 403 201 201',
  },
  { route: 'GET /api/working-groups', call: (c) => c.get('/api/working-groups'), expect: '401 401 200 200 200 200 200' },
  { route: 'POST /api/working-groups', call: (c, f) => c.post('/api/working-groups', { name: `Group ${f.unique()}` }), expect: '401 401 403 403 403 201 201' },
  { route: 'PATCH /api/working-groups/{id}', call: (c, f) => c.patch(`/api/working-groups/${f.workingGroupId}`, { description: 'Cybercrime' }), expect: '401 401 403 403 403 200 200' },
  { route: 'PATCH /api/working-groups/{id}', note: 'missing', call: (c) => c.patch('/api/working-groups/nope', { description: 'x' }), expect: '401 401 403 403 403 404 404' },
  { route: 'GET /api/dashboard', call: (c) => c.get('/api/dashboard'), expect: '401 401 200 200 200 200 200' },
]

/** In the stand-in for the built client's index.html: an /api answer that contains it was served the client page. */
const CLIENT_PAGE_MARKER = 'plenary-client-page-7f3a'

function parseCells(cells: Cells): Record<Caller, number | null> {
  const parts = cells.split(' ')
  if (parts.length !== CALLERS.length) throw new Error(`"${cells}" needs ${CALLERS.length} cells`)
  return Object.fromEntries(CALLERS.map((who, i) => [who, parts[i] === '-' ? null : Number(parts[i])])) as Record<Caller, number | null>
}

describe('access matrix', () => {
  let server: TestServer
  let alliance: Alliance
  let callers: Record<Caller, ApiClient>
  let fixture: Fixture
  // The server's clock: moved past the session TTL once, to expire one session.
  let now = new Date('2026-03-02T09:00:00Z')
  let clientDir: string

  beforeAll(async () => {
    // A client page to be served by mistake: the path variants must never get it for an /api path.
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'plenary-client-'))
    await writeFile(path.join(clientDir, 'index.html'), `<!doctype html><title>Plenary</title><div id="root" data-marker="${CLIENT_PAGE_MARKER}"></div>`)
    // Every spelling of the public sign-on row counts against its per-address limit, which has tests of its own.
    server = await startTestServer({ now: () => now, env: { CLIENT_DIR: clientDir, SIGNON_MAX_SUBMISSIONS: '10000' } })
    alliance = await seedAlliance(server)
    await invitePerson(server, alliance.admin, 'member@drafting.test', alliance.drafting.id, 'member', false)
    const bystander = await invitePerson(server, alliance.admin, 'bystander@drafting.test', alliance.drafting.id, 'member', false)
    const bystanderId = (await bystander.get('/api/me')).body.user.id as string
    const expired = await server.client().login('member@drafting.test', PASSWORD)
    // Every other session starts after the clock moved, so only `expired` is past its TTL.
    now = new Date(now.getTime() + server.config.sessionTtlMs + 60_000)
    const emails: Record<Exclude<Caller, 'anonymous' | 'expired'>, string> = {
      outsider: 'outsider@other.test',
      member: 'member@drafting.test',
      signatory: 'drafter@drafting.test',
      coordinator: 'coordinator@alliance.test',
      admin: ADMIN.email,
    }
    const login = (who: keyof typeof emails) => server.client().login(emails[who], who === 'admin' ? ADMIN.password : PASSWORD)
    callers = {
      anonymous: server.client(),
      expired,
      outsider: await login('outsider'),
      member: await login('member'),
      signatory: await login('signatory'),
      coordinator: await login('coordinator'),
      admin: await login('admin'),
    }
    const coordinator = callers.coordinator
    const own = (await createStatement(coordinator, { title: 'Own confidential', visibility: 'drafters', draftingOrganizationIds: [alliance.drafting.id] })).id
    const open = (await createStatement(coordinator, { title: 'Open draft', visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })).id
    const foreign = (await createStatement(coordinator, { title: 'Foreign confidential', visibility: 'drafters', draftingOrganizationIds: [alliance.other.id] })).id
    const version = async (id: string) => (await coordinator.post(`/api/statements/${id}/versions`, { label: 'v' })).body.id as string
    let counter = 0
    fixture = {
      statement: { own, open, foreign, missing: 'no-such-statement' },
      version: { own: await version(own), open: await version(open), foreign: await version(foreign), missing: 'no-such-version' },
      bystanderId,
      adminId: (await callers.admin.get('/api/me')).body.user.id,
      draftingOrganizationId: alliance.drafting.id,
      meetingId: (await coordinator.post('/api/meetings', { forumId: 'ccpcj', name: 'CCPCJ 35', startDate: '2026-05-18', endDate: '2026-05-22', venue: 'Vienna' })).body.id,
      workingGroupId: (await coordinator.post('/api/working-groups', { name: 'Cybercrime', description: 'Cybercrime' })).body.id,
      unique: () => `${(counter += 1)}`,
      async freshSession(who) {
        if (who === 'anonymous' || who === 'expired') return who === 'expired' ? cloneCookie(server, expired) : server.client()
        return login(who)
      },
    }
  })
  afterAll(async () => {
    await server.stop({ removeData: true })
    await rm(clientDir, { recursive: true, force: true })
  })

  it('has a row for every route the server serves, and the OpenAPI document lists exactly those', async () => {
    const served = apiRoutes(server)
    const documented = Object.entries((await server.client().get('/api/openapi.json')).body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const covered = new Set(ROWS.map((row) => row.route))
    const missingRows = served.filter((route) => !covered.has(route))
    // A new route needs a row here (and an OpenAPI entry): the message names it.
    expect(missingRows, `routes without an access-matrix row: ${missingRows.join(', ')}`).toEqual([])
    expect([...covered].filter((route) => !served.includes(route)), 'rows for routes the server does not serve').toEqual([])
    expect([...documented].sort(), 'OpenAPI paths vs. served routes').toEqual([...served].sort())
  })

  for (const row of ROWS) {
    const perTarget = typeof row.expect === 'string' ? null : row.expect
    for (const target of perTarget ? TARGETS : ([null] as const)) {
      const name = [row.route, row.note && `(${row.note})`, target && `→ ${target}`].filter(Boolean).join(' ')
      it(name, async () => {
        const expected = parseCells(target && perTarget ? perTarget[target] : (row.expect as Cells))
        const observed: Record<string, number | null> = {}
        for (const who of CALLERS) {
          observed[who] = expected[who] === null ? null : (await row.call(callers[who], fixture, target ?? 'missing', who)).status
        }
        // The whole row at once: a failure shows every caller's status side by side.
        expect(observed).toEqual(expected)
      })
    }
  }

  it('never names a confidential statement in a 401 or 404 answer', async () => {
    for (const who of CALLERS) {
      for (const target of ['own', 'foreign'] as const) {
        const res = await callers[who].get(`/api/statements/${fixture.statement[target]}`)
        if (res.status !== 200) expect(res.text, `${who} → ${target}`).not.toMatch(/confidential/i)
      }
    }
  })

  it('lists only the statements a caller may see', async () => {
    const titles = async (who: Caller) => ((await callers[who].get('/api/statements')).body.statements as { title: string }[]).map((s) => s.title).sort()
    // `New` comes from the POST /api/statements row (visible to all members).
    expect((await titles('outsider')).filter((t) => t !== 'New')).toEqual(['Foreign confidential', 'Open draft'])
    expect((await titles('member')).filter((t) => t !== 'New')).toEqual(['Open draft', 'Own confidential'])
    expect(await titles('coordinator')).toEqual(expect.arrayContaining(['Foreign confidential', 'Open draft', 'Own confidential']))
  })

  it('tells each caller what they may do with a statement', async () => {
    expect((await callers.outsider.get(`/api/statements/${fixture.statement.open}`)).body.access).toBe('read')
    expect((await callers.member.get(`/api/statements/${fixture.statement.open}`)).body.access).toBe('edit')
    expect((await callers.outsider.get(`/api/statements/${fixture.statement.foreign}`)).body.access).toBe('edit')
  })

  it('searches titles and forums within what the caller may see', async () => {
    const found = await callers.member.get('/api/statements?q=confidential')
    expect(found.body.statements.map((s: { id: string }) => s.id)).toEqual([fixture.statement.own])
  })

  it('never returns password hashes', async () => {
    const users = await callers.admin.get('/api/users')
    expect(users.text).not.toContain('scrypt')
    expect(users.text).not.toContain('passwordHash')
    expect((await callers.member.get('/api/me')).text).not.toContain('passwordHash')
  })

  /**
   * Every row again, each request sent in every spelling of `pathVariants` byte
   * for byte, by every caller: a spelling either reaches the decision of the
   * canonical path (the cell above) or is a JSON 404, never carries a statement
   * title the caller may not see, and never the client's index.html.
   */
  describe('path variants of every route reach the same decision or a JSON 404, never a leak', () => {
    // The spellings that reached a route: the canonical success (2xx) of some caller, not a 404.
    const reached = new Set<string>()
    const HIDDEN: Record<Caller, string[]> = {
      anonymous: ['Own confidential', 'Open draft', 'Foreign confidential'],
      expired: ['Own confidential', 'Open draft', 'Foreign confidential'],
      outsider: ['Own confidential'],
      member: ['Foreign confidential'],
      signatory: ['Foreign confidential'],
      coordinator: [],
      admin: [],
    }
    /**
     * The logout row ends the session it is sent on, so each of its requests rides on a
     * session of its own, made in storage: signing in for each would cost a password hash.
     */
    async function sessionFor(who: Caller): Promise<ApiClient> {
      if (who === 'anonymous' || who === 'expired') return fixture.freshSession(who)
      const client = server.client()
      const { token } = await startSession(server.ctx, (await callers[who].get('/api/me')).body.user.id)
      client.cookie = `${SESSION_COOKIE}=${token}`
      return client
    }

    async function sendEveryVariant(row: Row, target: Target | null, who: Caller, canonical: number): Promise<string[]> {
      const found: string[] = []
      const spellings = pathVariants((await recordCall(row, fixture, target ?? 'missing', who)).path)
      await Promise.all(
        spellings.map(async ([variant, spelled]) => {
          // Recorded afresh for each spelling, so bodies that must be unique (names, e-mails) are.
          const call = await recordCall(row, fixture, target ?? 'missing', who)
          const client = call.freshSession ? await sessionFor(who) : callers[who]
          const res = await verbatimRequest(server, client, call.method, spelled, call.body)
          const where = `${who} ${call.method} ${spelled}`
          const clientPage = res.text.includes(CLIENT_PAGE_MARKER)
          if (res.status === canonical && canonical < 300 && !clientPage) reached.add(variant)
          if (res.status !== canonical && !(res.status === 404 && isJsonError(res))) found.push(`${where}: ${res.status} ${res.type}, canonical ${canonical}`)
          for (const title of HIDDEN[who]) if (res.text.includes(title)) found.push(`${where}: carries the title "${title}"`)
          if (clientPage) found.push(`${where}: answered with the client's index.html`)
        }),
      )
      return found
    }

    // Not `missing`: it has no title to leak, and every signed-in caller's canonical answer is already the 404.
    for (const row of ROWS) {
      const perTarget = typeof row.expect === 'string' ? null : row.expect
      for (const target of perTarget ? (['own', 'open', 'foreign'] as const) : ([null] as const)) {
        const name = [row.route, row.note && `(${row.note})`, target && `→ ${target}`].filter(Boolean).join(' ')
        it(name, async () => {
          const expected = parseCells(target && perTarget ? perTarget[target] : (row.expect as Cells))
          const problems = await Promise.all(CALLERS.map((who) => (expected[who] === null ? [] : sendEveryVariant(row, target, who, expected[who] as number))))
          expect(problems.flat()).toEqual([])
        })
      }
    }

    it('of all the spellings, only the upper-case one and a trailing slash ever reached a route', () => {
      // Express matches paths case-insensitively and ignores one trailing slash; Node resolves no dot segments
      // and nothing decodes an encoded slash or letter before routing. Asserted so that the rows above cannot
      // pass merely because every spelling missed.
      expect([...reached].sort()).toEqual(['trailing slash', 'upper case'])
    })
  })
})

interface RecordedCall {
  method: string
  path: string
  body: unknown
  /** Sent on a second session of the caller's person (`Fixture.freshSession`). */
  freshSession: boolean
}

/** A client that sends nothing: it notes the one request a row's call makes. */
class RecordingClient extends ApiClient {
  recorded: RecordedCall | null = null
  constructor(private readonly freshSession: boolean) {
    super('http://recording.invalid')
  }
  override async request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    if (this.recorded) throw new Error(`a row made a second request: ${method} ${path}`)
    this.recorded = { method, path, body, freshSession: this.freshSession }
    return { status: 0, body: undefined as T, headers: new Headers(), text: '' }
  }
}

async function recordCall(row: Row, fixture: Fixture, target: Target, who: Caller): Promise<RecordedCall> {
  const direct = new RecordingClient(false)
  const fresh = new RecordingClient(true)
  await row.call(direct, { ...fixture, freshSession: async () => fresh }, target, who)
  const recorded = direct.recorded ?? fresh.recorded
  if (!recorded) throw new Error(`${row.route}: the row's call made no request`)
  return recorded
}

function isJsonError(res: { type: string; text: string }): boolean {
  if (!res.type.startsWith('application/json')) return false
  try {
    return typeof (JSON.parse(res.text) as { error?: { code?: unknown } }).error?.code === 'string'
  } catch {
    return false
  }
}

function cloneCookie(server: TestServer, client: ApiClient): ApiClient {
  const copy = server.client()
  copy.cookie = client.cookie
  return copy
}

/**
 * The request with its path sent byte for byte: fetch would resolve `..` and
 * `%2e%2e` before sending, and a proxy in front of Plenary might not.
 */
function verbatimRequest(server: TestServer, client: ApiClient, method: string, path: string, body: unknown): Promise<{ status: number; type: string; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      server.url,
      {
        method,
        path,
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(method !== 'GET' ? { origin: server.publicUrl } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}
