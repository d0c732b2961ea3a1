import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from './pdfText.js'
import { createOrganization, createStatement, invitePerson, seedAlliance, type Alliance } from './alliance.js'
import type { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

async function download(client: ApiClient, url: string): Promise<{ status: number; type: string; disposition: string; csp: string; body: Buffer }> {
  const response = await fetch(client.baseUrl + url, { headers: client.cookie ? { cookie: client.cookie } : {} })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    csp: response.headers.get('content-security-policy') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  }
}

const docxText = (body: Buffer) => strFromU8(unzipSync(new Uint8Array(body))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '')

describe('sign-off exports and verification', () => {
  let server: TestServer
  let alliance: Alliance
  let statementId: string
  let fingerprint: string
  const hostile = '<script>alert(1)</script> Watch'
  beforeAll(async () => {
    server = await startTestServer()
    alliance = await seedAlliance(server)
    const statement = await createStatement(alliance.coordinator, { title: 'Joint statement <b>CCPCJ</b>', kind: 'oral', visibility: 'members' })
    statementId = statement.id
    const writer = connectProvider(server, statementId, alliance.coordinator.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Madam Chair, we urge States to protect civil society.')
    await waitFor(async () => (await alliance.coordinator.get(`/api/statements/${statementId}/content?format=text`)).text.includes('civil society'))
    writer.provider.destroy()
    fingerprint = (await alliance.coordinator.post(`/api/statements/${statementId}/lock`)).body.fingerprint

    const formula = await createOrganization(alliance.admin, '=HYPERLINK("http://evil.example")', { country: 'Kenya', ecosocStatus: 'general' })
    const scripted = await createOrganization(alliance.admin, hostile, { country: 'Chile', ecosocStatus: 'none' })
    const people = await Promise.all([
      invitePerson(server, alliance.admin, 'sign1@formula.test', formula.id, 'member', true),
      invitePerson(server, alliance.admin, 'sign2@scripted.test', scripted.id, 'member', true),
    ])
    for (const person of people) await person.post(`/api/statements/${statementId}/endorsements`, { signatoryName: 'Public Person' })
    // The drafting organisation signs confidentially.
    await alliance.drafter.post(`/api/statements/${statementId}/endorsements`, { signatoryName: 'Hidden Person', confidential: true })
  })
  afterAll(() => server.stop({ removeData: true }))

  const url = (format: string, order = 'name') => `/api/statements/${statementId}/signoff?format=${format}&order=${order}`

  it('gives coordinators CSV with contact details, neutralised formulas and the statement metadata', async () => {
    const csv = await download(alliance.coordinator, url('csv'))
    expect(csv.status).toBe(200)
    expect(csv.type).toContain('text/csv')
    expect(csv.disposition).toMatch(/^attachment; filename=".+\.csv"$/)
    const text = csv.body.toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain(fingerprint)
    const rows: string[][] = parse(text.slice(1), { relax_column_count: true })
    const cells = rows.flat()
    expect(cells).toContain('\'=HYPERLINK("http://evil.example")')
    expect(cells).not.toContain('=HYPERLINK("http://evil.example")')
    expect(cells).toContain('sign1@formula.test')
    expect(cells).toContain('Drafting Org') // coordinators see confidential endorsers, marked
  })

  it('gives members the public list only, in every format', async () => {
    for (const format of ['csv', 'json', 'html', 'docx', 'pdf']) {
      const file = await download(alliance.outsider, url(format))
      expect(file.status, format).toBe(200)
      const text = format === 'docx' ? docxText(file.body) : format === 'pdf' ? await pdfText(file.body) : file.body.toString('utf8')
      expect(text, format).not.toContain('Drafting Org')
      expect(text, format).not.toContain('@formula.test')
      expect(text, format).not.toContain('Public Person')
      expect(text, format).not.toContain('Hidden Person')
      expect(text, format).toContain(fingerprint)
    }
  })

  it('renders DOCX and PDF with the statement, the co-sponsors and "Check against delivery"', async () => {
    const docx = docxText((await download(alliance.coordinator, url('docx', 'status'))).body)
    expect(docx).toContain('Check against delivery')
    expect(docx).toContain('we urge States to protect civil society')
    expect(docx).toContain('In general consultative status with ECOSOC')
    expect(docx).toContain('also shares the views expressed in this statement')
    const pdf = await pdfText((await download(alliance.coordinator, url('pdf'))).body)
    expect(pdf).toContain('Check against delivery')
    expect(pdf).toContain('Joint statement <b>CCPCJ</b>')
    expect(pdf).toContain(fingerprint.slice(0, 20))
  })

  it('escapes HTML in titles and organisation names, and serves the page under a strict CSP', async () => {
    const html = await download(alliance.coordinator, url('html'))
    const page = html.body.toString('utf8')
    expect(page).not.toContain('<script>alert(1)</script>')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Watch')
    expect(page).toContain('Joint statement &lt;b&gt;CCPCJ&lt;/b&gt;')
    expect(html.csp).toContain("default-src 'none'")
    expect(html.csp).not.toContain('script-src')
  })

  it('returns JSON with counts, and refuses a statement that is not locked', async () => {
    const json = JSON.parse((await download(alliance.coordinator, url('json'))).body.toString('utf8'))
    expect(JSON.stringify(json)).toContain(fingerprint)
    const drafting = await createStatement(alliance.coordinator, { visibility: 'members' })
    const refused = await alliance.coordinator.get(`/api/statements/${drafting.id}/signoff?format=csv`)
    expect([refused.status, refused.body.error.code]).toEqual([409, 'statement_not_locked'])
    expect((await alliance.anonymous.get(url('csv'))).status).toBe(401)
    expect((await alliance.coordinator.get(`/api/statements/${statementId}/signoff?format=xls`)).status).toBe(400)
  })

  it('serves a public verification page for the fingerprint, without an account', async () => {
    const page = await fetch(`${server.url}/verify/${fingerprint}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Joint statement &lt;b&gt;CCPCJ&lt;/b&gt;')
    expect(html).toContain('we urge States to protect civil society')
    expect(html).toContain('=HYPERLINK')
    expect(html).not.toContain('Drafting Org')
    expect(html).not.toContain('@formula.test')
    const json = await fetch(`${server.url}/api/public/verify/${fingerprint}`)
    expect(json.status).toBe(200)
    expect((await fetch(`${server.url}/verify/sha256:${'0'.repeat(64)}`)).status).toBe(404)
    expect((await fetch(`${server.url}/verify/not-a-fingerprint`)).status).toBe(404)
  })
})
