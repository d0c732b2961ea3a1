import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, invitePerson, PASSWORD, seedAlliance, type Alliance } from './alliance.js'
import { ApiClient } from './apiClient.js'
import { ADMIN, startTestServer, type TestServer } from './testServer.js'

describe('sign-in and sessions', () => {
  let server: TestServer
  let alliance: Alliance
  beforeAll(async () => {
    server = await startTestServer()
    alliance = await seedAlliance(server)
  })
  afterAll(() => server.stop({ removeData: true }))

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await server.client().post('/api/auth/login', { email: ADMIN.email, password: 'not-the-password' })
    const unknown = await server.client().post('/api/auth/login', { email: 'nobody@x.test', password: 'not-the-password' })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(wrong.body.error.code).toBe('invalid_credentials')
    expect(unknown.body).toEqual(wrong.body)
  })

  it('sets an httpOnly, SameSite=Lax session cookie with an expiry, not Secure on http', async () => {
    const res = await server.client().post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })
    expect(res.status).toBe(200)
    expect(res.body.user.email).toBe(ADMIN.email)
    expect(res.body.organization.name).toBe('Alliance Secretariat')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^plenary_session=[\w-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Max-Age=\d+/i)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('issues a new session at every sign-in and ends it at logout', async () => {
    const a = await server.client().login(ADMIN.email, ADMIN.password)
    const b = await server.client().login(ADMIN.email, ADMIN.password)
    expect(a.cookie).not.toBe(b.cookie)
    const stolen = a.cookie
    expect((await a.post('/api/auth/logout')).status).toBe(204)
    const replay = new ApiClient(server.url)
    replay.cookie = stolen
    expect((await replay.get('/api/me')).status).toBe(401)
    expect((await b.get('/api/me')).status).toBe(200)
  })

  it('refuses cookie-authenticated writes without our Origin', async () => {
    const noOrigin = new ApiClient(server.url, null)
    noOrigin.cookie = alliance.coordinator.cookie
    const missing = await noOrigin.post('/api/statements', { title: 'CSRF', visibility: 'members' })
    expect(missing.status).toBe(403)
    expect(missing.body.error.code).toBe('origin_mismatch')
    const foreign = new ApiClient(server.url, 'https://evil.example')
    foreign.cookie = alliance.coordinator.cookie
    expect((await foreign.post('/api/statements', { title: 'CSRF', visibility: 'members' })).status).toBe(403)
    // A cross-site HTML form post.
    const form = await foreign.request('POST', '/api/statements', 'title=CSRF&visibility=members', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(403)
    // Reads are not state-changing.
    expect((await noOrigin.get('/api/me')).status).toBe(200)
  })

  it('rejects cross-origin form posts of every simple content type, and they change nothing', async () => {
    // What a hostile page can send without a CORS preflight: a form (urlencoded or multipart) or text/plain.
    const boundary = '----plenary-test-boundary'
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'title=CSRF+statement&visibility=members'],
      ['multipart/form-data; boundary=' + boundary, `--${boundary}\r\ncontent-disposition: form-data; name="title"\r\n\r\nCSRF statement\r\n--${boundary}--\r\n`],
      ['text/plain', '{"title":"CSRF statement","visibility":"members"}'],
    ]
    const victim = await server.client().login('coordinator@alliance.test', PASSWORD)
    const victimId = (await victim.get('/api/me')).body.user.id
    for (const origin of ['https://evil.example', 'null', null]) {
      for (const [contentType, body] of bodies) {
        const forged = new ApiClient(server.url, origin)
        forged.cookie = victim.cookie
        const what = `${contentType.split(';')[0]} from ${origin ?? 'no Origin'}`
        for (const [method, path] of [['POST', '/api/statements'], ['POST', '/api/auth/logout'], ['POST', '/api/organizations'], ['PATCH', `/api/users/${victimId}`]] as const) {
          const res = await forged.request(method, path, body, { 'content-type': contentType })
          expect([res.status, res.body?.error?.code], `${method} ${path}, ${what}`).toEqual([403, 'origin_mismatch'])
        }
      }
    }
    // The session survived every forged logout, and no forged statement exists.
    expect((await victim.get('/api/me')).status).toBe(200)
    const titles = ((await victim.get('/api/statements')).body.statements as { title: string }[]).map((s) => s.title)
    expect(titles).not.toContain('CSRF statement')
    // Without the cookie a foreign Origin is still refused (a login CSRF would sign the victim into the attacker's account).
    const loginCsrf = await new ApiClient(server.url, 'https://evil.example').request('POST', '/api/auth/login', `email=${encodeURIComponent(ADMIN.email)}&password=x`, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect([loginCsrf.status, loginCsrf.body.error.code]).toEqual([403, 'origin_mismatch'])
  })

  it('lets a script sign in without an Origin header', async () => {
    const script = new ApiClient(server.url, null)
    expect((await script.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).status).toBe(200)
  })

  it('answers bad input with named 4xx errors', async () => {
    const invalid = await alliance.coordinator.post('/api/statements', { title: '', visibility: 'everyone', wordLimit: -1 })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.code).toBe('validation_failed')
    expect(invalid.body.error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(['title', 'visibility', 'wordLimit'])
    const json = await alliance.coordinator.request('POST', '/api/statements', '{"title":', { 'content-type': 'application/json' })
    expect([json.status, json.body.error.code]).toEqual([400, 'invalid_json'])
    const huge = await alliance.coordinator.post('/api/statements', { title: 'x'.repeat(300_000), visibility: 'members' })
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large'])
    const unknownRoute = await alliance.coordinator.get('/api/nothing-here')
    expect([unknownRoute.status, unknownRoute.body.error.code]).toEqual([404, 'not_found'])
    const unknownOrg = await alliance.coordinator.post('/api/statements', { title: 'x', visibility: 'drafters', draftingOrganizationIds: ['nope'] })
    expect(unknownOrg.status).toBe(400)
    expect((await alliance.admin.get('/api/health')).status).toBe(200)
  })

  it('serves an OpenAPI document that lists the routes', async () => {
    const doc = (await server.client().get('/api/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/statements/{id}/content', '/api/invitations/{token}/accept']))
  })

  it('sends security headers', async () => {
    const res = await server.client().get('/api/health')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('invitations', () => {
  let server: TestServer
  let now = new Date('2026-05-01T08:00:00Z')
  beforeAll(async () => {
    server = await startTestServer({ now: () => now })
  })
  afterAll(() => server.stop({ removeData: true }))

  it('creates an account from a single-use link and signs the person in', async () => {
    const admin = await server.admin()
    const org = await createOrganization(admin, 'Kenya Justice Network', { country: 'Kenya' })
    const invitation = await admin.post('/api/invitations', { email: 'Amina@KJN.test', organizationId: org.id, role: 'member', canSign: true })
    expect(invitation.status).toBe(201)
    expect(invitation.body.url).toBe(`${server.publicUrl}/invite/${invitation.body.token}`)

    const preview = await server.client().get(`/api/invitations/${invitation.body.token}`)
    expect(preview.body).toMatchObject({ email: 'amina@kjn.test', organizationName: 'Kenya Justice Network', role: 'member' })

    const short = await server.client().post(`/api/invitations/${invitation.body.token}/accept`, { name: 'Amina', password: 'short' })
    expect([short.status, short.body.error.code]).toEqual([400, 'validation_failed'])

    const person = server.client()
    const accepted = await person.post(`/api/invitations/${invitation.body.token}/accept`, { name: 'Amina', password: PASSWORD })
    expect(accepted.status).toBe(201)
    expect(accepted.body.user).toMatchObject({ name: 'Amina', email: 'amina@kjn.test', role: 'member', canSign: true, organizationId: org.id })
    expect((await person.get('/api/me')).status).toBe(200)

    const again = await server.client().post(`/api/invitations/${invitation.body.token}/accept`, { name: 'Mallory', password: PASSWORD })
    expect([again.status, again.body.error.code]).toEqual([404, 'invitation_invalid'])
    expect((await server.client().login('amina@kjn.test', PASSWORD)).cookie).toBeTruthy()
  })

  it('accepts only one of two simultaneous uses of a link', async () => {
    const admin = await server.admin()
    const me = (await admin.get('/api/me')).body
    const invitation = await admin.post('/api/invitations', { email: 'race@x.test', organizationId: me.organization.id, role: 'member' })
    const results = await Promise.all([1, 2].map(() => server.client().post(`/api/invitations/${invitation.body.token}/accept`, { name: 'R', password: PASSWORD })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409].sort())
  })

  it('expires links after seven days', async () => {
    const admin = await server.admin()
    const me = (await admin.get('/api/me')).body
    const invitation = await admin.post('/api/invitations', { email: 'late@x.test', organizationId: me.organization.id, role: 'member' })
    now = new Date(now.getTime() + 7 * 24 * 3600 * 1000 + 1000)
    const res = await server.client().post(`/api/invitations/${invitation.body.token}/accept`, { name: 'Late', password: PASSWORD })
    expect([res.status, res.body.error.code]).toEqual([404, 'invitation_invalid'])
  })

  it('refuses to invite an e-mail that has an account', async () => {
    const admin = await server.admin()
    const me = (await admin.get('/api/me')).body
    const res = await admin.post('/api/invitations', { email: ADMIN.email, organizationId: me.organization.id, role: 'member' })
    expect([res.status, res.body.error.code]).toEqual([409, 'email_taken'])
  })

  it('ends sessions when they expire', async () => {
    const admin = await server.admin()
    now = new Date(now.getTime() + server.config.sessionTtlMs + 1000)
    expect((await admin.get('/api/me')).status).toBe(401)
  })
})

describe('login throttling', () => {
  it('answers 429 after too many failures for one e-mail, without locking out others', async () => {
    const server = await startTestServer({ env: { LOGIN_MAX_ATTEMPTS: '3' } })
    try {
      const attempt = (email: string, password: string) => server.client().post('/api/auth/login', { email, password })
      for (let i = 0; i < 3; i += 1) expect((await attempt(ADMIN.email, 'wrong-password')).status).toBe(401)
      const limited = await attempt(ADMIN.email, 'wrong-password')
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited'])
      expect((await attempt(ADMIN.email, ADMIN.password)).status).toBe(429)
      expect((await attempt('someone@else.test', 'wrong-password')).status).toBe(401)
    } finally {
      await server.stop({ removeData: true })
    }
  })
})

describe('first-run setup without ADMIN_EMAIL', () => {
  it('prints a one-time link with which the first person creates the administrator', async () => {
    const server = await startTestServer({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', ADMIN_ORG: 'Vienna NGO Committee' } })
    try {
      expect(server.setupUrl).toMatch(new RegExp(`^${server.publicUrl}/setup/[\\w-]{40,}$`))
      const token = server.setupUrl!.split('/').pop()
      expect((await server.client().get('/api/setup')).body).toEqual({ needed: true })
      const wrong = await server.client().post('/api/setup', { token: 'guess', email: 'first@x.test', name: 'First', password: PASSWORD })
      expect([wrong.status, wrong.body.error.code]).toEqual([404, 'setup_unavailable'])
      const first = server.client()
      const res = await first.post('/api/setup', { token, email: 'first@x.test', name: 'First', password: PASSWORD })
      expect(res.status).toBe(201)
      expect(res.body.user.role).toBe('admin')
      expect(res.body.organization.name).toBe('Vienna NGO Committee')
      expect((await first.get('/api/me')).status).toBe(200)
      expect((await server.client().post('/api/setup', { token, email: 'second@x.test', name: 'Second', password: PASSWORD })).status).toBe(404)
      expect((await server.client().get('/api/setup')).body).toEqual({ needed: false })
    } finally {
      await server.stop({ removeData: true })
    }
  })

  it('creates the administrator from ADMIN_EMAIL and ADMIN_PASSWORD in ADMIN_ORG, once', async () => {
    const server = await startTestServer({ env: { ADMIN_ORG: 'Alliance Office' } })
    const me = (await (await server.admin()).get('/api/me')).body
    expect(me.organization.name).toBe('Alliance Office')
    expect(me.user.role).toBe('admin')
    expect(server.setupUrl).toBeNull()
    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir, env: { ADMIN_ORG: 'Alliance Office' } })
    expect((await (await again.admin()).get('/api/users')).body.users).toHaveLength(1)
    await again.stop({ removeData: true })
  })
})

describe('invitations by role', () => {
  it('keeps members out of the admin area whatever they send', async () => {
    const server = await startTestServer()
    try {
      const alliance = await seedAlliance(server)
      const escalate = await alliance.coordinator.post('/api/invitations', { email: 'me2@x.test', organizationId: alliance.drafting.id, role: 'admin' })
      expect(escalate.status).toBe(403)
      const member = await invitePerson(server, alliance.admin, 'plain@x.test', alliance.drafting.id)
      expect((await member.post('/api/organizations', { name: 'Mine', country: 'X' })).status).toBe(403)
    } finally {
      await server.stop({ removeData: true })
    }
  })
})

describe('account management', () => {
  let server: TestServer
  let alliance: Alliance
  beforeAll(async () => {
    server = await startTestServer()
    alliance = await seedAlliance(server)
  })
  afterAll(() => server.stop({ removeData: true }))

  const idOf = async (client: ApiClient): Promise<string> => (await client.get('/api/me')).body.user.id

  it('disables an account: its sessions end, sign-in is refused with account_disabled, enabling lets it back in', async () => {
    const person = await invitePerson(server, alliance.admin, 'leaving@drafting.test', alliance.drafting.id)
    const second = await server.client().login('leaving@drafting.test', PASSWORD)
    const id = await idOf(person)
    const disabled = await alliance.coordinator.patch(`/api/users/${id}`, { disabled: true })
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({ id, disabled: true })
    expect(disabled.text).not.toContain('passwordHash')
    expect((await person.get('/api/me')).status).toBe(401)
    expect((await second.get('/api/me')).status).toBe(401)
    const refused = await server.client().post('/api/auth/login', { email: 'leaving@drafting.test', password: PASSWORD })
    expect([refused.status, refused.body.error.code]).toEqual([403, 'account_disabled'])
    // A wrong password still gets the ordinary answer: the disabled state is not revealed to a guesser.
    const guess = await server.client().post('/api/auth/login', { email: 'leaving@drafting.test', password: 'wrong-password-1' })
    expect([guess.status, guess.body.error.code]).toEqual([401, 'invalid_credentials'])
    const listed = (await alliance.admin.get('/api/users')).body.users.find((u: { id: string }) => u.id === id)
    expect(listed.disabled).toBe(true)

    expect((await alliance.coordinator.patch(`/api/users/${id}`, { disabled: false })).body.disabled).toBe(false)
    expect((await server.client().post('/api/auth/login', { email: 'leaving@drafting.test', password: PASSWORD })).status).toBe(200)
  })

  it('changes role and signing right; the person sees the new role at once', async () => {
    const person = await invitePerson(server, alliance.admin, 'promoted@drafting.test', alliance.drafting.id)
    const id = await idOf(person)
    expect((await person.get('/api/users')).status).toBe(403)
    const res = await alliance.coordinator.patch(`/api/users/${id}`, { role: 'coordinator', canSign: true })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ role: 'coordinator', canSign: true, disabled: false })
    expect((await person.get('/api/me')).body.user.role).toBe('coordinator')
    expect((await person.get('/api/users')).status).toBe(200)
  })

  it('lets coordinators manage members and coordinators but never touch or make an admin', async () => {
    const target = await invitePerson(server, alliance.admin, 'target@drafting.test', alliance.drafting.id)
    const targetId = await idOf(target)
    const adminId = await idOf(alliance.admin)
    const escalate = await alliance.coordinator.patch(`/api/users/${targetId}`, { role: 'admin' })
    expect([escalate.status, escalate.body.error.code]).toEqual([403, 'forbidden'])
    expect((await alliance.coordinator.patch(`/api/users/${await idOf(alliance.coordinator)}`, { role: 'admin' })).status).toBe(403)
    expect((await alliance.coordinator.patch(`/api/users/${adminId}`, { disabled: true })).status).toBe(403)
    expect((await alliance.coordinator.patch(`/api/users/${adminId}`, { canSign: false })).status).toBe(403)
    expect((await alliance.drafter.patch(`/api/users/${targetId}`, { canSign: true })).status).toBe(403)
    expect((await alliance.drafter.patch(`/api/users/${await idOf(alliance.drafter)}`, { role: 'coordinator' })).status).toBe(403)
    expect((await alliance.coordinator.patch('/api/users/nobody', { canSign: true })).status).toBe(404)
    // Nothing changed for the admin.
    expect((await alliance.admin.get('/api/me')).body.user).toMatchObject({ role: 'admin', disabled: false })
  })

  it('refuses to disable or demote the last enabled admin with 409 last_admin', async () => {
    const adminId = await idOf(alliance.admin)
    for (const change of [{ disabled: true }, { role: 'coordinator' }, { role: 'member', canSign: false }]) {
      const res = await alliance.admin.patch(`/api/users/${adminId}`, change)
      expect([res.status, res.body.error.code], JSON.stringify(change)).toEqual([409, 'last_admin'])
    }
    expect((await alliance.admin.get('/api/me')).body.user).toMatchObject({ role: 'admin', disabled: false })

    // With a second admin, the first may step down.
    const deputy = await invitePerson(server, alliance.admin, 'deputy@alliance.test', alliance.drafting.id, 'admin')
    const stepDown = await alliance.admin.patch(`/api/users/${adminId}`, { role: 'coordinator' })
    expect(stepDown.status).toBe(200)
    // And now the deputy is the last one.
    const last = await deputy.patch(`/api/users/${await idOf(deputy)}`, { disabled: true })
    expect([last.status, last.body.error.code]).toEqual([409, 'last_admin'])
    expect((await deputy.patch(`/api/users/${adminId}`, { role: 'admin' })).status).toBe(200)
  })

  it('lets only one of two admins who demote each other at the same moment succeed', async () => {
    const local = await startTestServer()
    try {
      const first = await local.admin()
      const me = (await first.get('/api/me')).body
      const second = await invitePerson(local, first, 'second-admin@alliance.test', me.organization.id, 'admin')
      const [a, b] = await Promise.all([
        first.patch(`/api/users/${await idOf(second)}`, { role: 'member' }),
        second.patch(`/api/users/${me.user.id}`, { role: 'member' }),
      ])
      // Whichever ran first demoted the other, who is then no admin: 403. Never both.
      expect([a.status, b.status].sort()).toEqual([200, 403])
      const admins = (await (a.status === 200 ? first : second).get('/api/users')).body.users.filter((u: { role: string }) => u.role === 'admin')
      expect(admins).toHaveLength(1)
    } finally {
      await local.stop({ removeData: true })
    }
  })

  it('answers bad bodies with validation_failed', async () => {
    const id = await idOf(alliance.drafter)
    for (const body of [{}, { role: 'owner' }, { disabled: 'yes' }, { disable: true }, { canSign: true, email: 'x@y.test' }]) {
      const res = await alliance.admin.patch(`/api/users/${id}`, body)
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, 'validation_failed'])
    }
  })
})
