import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom'
import { parse as parseCsv } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { parse as parseHtml, parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FORMULA_HEADS, hostile, MARKUP, PAYLOADS, SAFE_HREF, stored, UNSAFE_HREFS } from '../../e2e/support/hostileInput.js'
import { pdfText } from './pdfText.js'
import { createOrganization, createStatement, PASSWORD } from './alliance.js'
import type { ApiClient } from './apiClient.js'
import { connectProvider, synced } from './collabClient.js'
import { startTestServer, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * Output safety (issue 6): one hostile fixture (e2e/support/hostileInput.ts) in
 * every field a person or an outside organisation can fill, and in the
 * statement text typed through a real collaboration client, with link marks
 * to `javascript:`, `data:` and `vbscript:` targets forged into the document.
 * Every HTML the server sends is parsed with parse5 (the WHATWG algorithm, so
 * the tree a browser builds) and must be inert; DOCX, PDF and CSV must carry
 * the strings as text.
 */

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const FRAGMENT_ELEMENTS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 's', 'u', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'br', 'hr']
const PAGE_ELEMENTS = [...FRAGMENT_ELEMENTS, 'html', 'head', 'body', 'meta', 'title', 'style', 'header', 'main', 'article', 'section', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td']
const ATTRIBUTES = new Set(['class', 'href', 'target', 'rel', 'title', 'lang', 'charset', 'name', 'content', 'http-equiv', 'scope', 'start', 'type'])

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

function* walk(node: Node): Generator<Node> {
  yield node
  if ('content' in node) yield* walk(node.content)
  if ('childNodes' in node) for (const child of node.childNodes) yield* walk(child)
}

/** A URL attribute as a browser reads it: every C0 control and space dropped, which is stricter than browsers are. */
function urlScheme(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase() ?? ''
}

interface Inspection {
  /** The text a reader sees, entities decoded; one text node per line. */
  text: string
  anchors: Element[]
}

/**
 * Fails unless the HTML is inert: only the elements and attributes our
 * renderers produce, no script or payload element, no event handler, no link
 * or URL attribute with a scheme other than http(s) or mailto, no <meta>
 * other than charset, viewport, referrer and the CSP.
 */
function inspectHtml(html: string, where: string, kind: 'page' | 'fragment'): Inspection {
  const root = kind === 'page' ? parseHtml(html) : parseFragment(html)
  const allowed = new Set(kind === 'page' ? PAGE_ELEMENTS : FRAGMENT_ELEMENTS)
  const texts: string[] = []
  const anchors: Element[] = []
  let styles = 0
  for (const node of walk(root as Node)) {
    if (node.nodeName === '#text') texts.push((node as DefaultTreeAdapterMap['textNode']).value)
    if (!isElement(node)) continue
    expect(allowed.has(node.tagName), `${where}: unexpected <${node.tagName}>`).toBe(true)
    if (node.tagName === 'a') anchors.push(node)
    if (node.tagName === 'style') {
      styles += 1
      expect((node.parentNode as Element | null)?.tagName, `${where}: <style> outside <head>`).toBe('head')
    }
    for (const { name, value } of node.attrs) {
      expect(name.startsWith('on'), `${where}: event handler ${name} on <${node.tagName}>`).toBe(false)
      expect(ATTRIBUTES.has(name), `${where}: unexpected attribute ${name}="${value}" on <${node.tagName}>`).toBe(true)
      if (name === 'href') expect(['http', 'https', 'mailto'], `${where}: href="${value}"`).toContain(urlScheme(value))
      if (name === 'http-equiv') expect(value.toLowerCase(), `${where}: <meta http-equiv="${value}">`).toBe('content-security-policy')
      if (node.tagName === 'meta' && name === 'name') expect(['viewport', 'referrer'], `${where}: <meta name="${value}">`).toContain(value)
    }
  }
  expect(styles, `${where}: more than one stylesheet`).toBeLessThanOrEqual(1)
  return { text: texts.join('\n'), anchors }
}

function expectText(inspection: Inspection, values: string[], where: string): void {
  for (const value of values) expect(inspection.text, `${where} shows ${JSON.stringify(value)} as text`).toContain(value)
}

async function download(client: ApiClient, url: string): Promise<{ status: number; type: string; csp: string; body: Buffer }> {
  const response = await fetch(client.baseUrl + url, { headers: client.cookie ? { cookie: client.cookie } : {} })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    csp: response.headers.get('content-security-policy') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  }
}

/** Each XML part of the DOCX parsed strictly (a warning fails), and the text of its runs. */
function docxParts(body: Buffer): Map<string, string> {
  const parts = new Map<string, string>()
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(body)))) {
    if (!/\.(xml|rels)$/.test(name)) continue
    const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(strFromU8(bytes), 'application/xml')
    const runs = Array.from(document.getElementsByTagName('w:t'), (run) => run.textContent ?? '')
    parts.set(name, runs.length > 0 ? runs.join('\n') : (document.documentElement?.textContent ?? ''))
  }
  return parts
}

/** Adds a paragraph through the collaboration client, as y-prosemirror stores one, with marks as formatting attributes. */
function addParagraph(doc: Y.Doc, runs: Array<[text: string, attributes?: Record<string, unknown>]>, type = 'paragraph', attributes: Record<string, unknown> = {}): void {
  doc.transact(() => {
    const block = new Y.XmlElement(type)
    for (const [name, value] of Object.entries(attributes)) block.setAttribute(name, value as string)
    const text = new Y.XmlText()
    block.insert(0, [text])
    const fragment = doc.getXmlFragment('default')
    fragment.insert(fragment.length, [block])
    let at = 0
    for (const [run, marks] of runs) {
      text.insert(at, run, marks ?? {})
      at += run.length
    }
  })
}

describe('output safety: hostile names and text are inert in every page and export', () => {
  let server: TestServer
  let admin: ApiClient
  let outsider: ApiClient
  let statementId: string
  let fingerprint: string

  const title = hostile('Title', FORMULA_HEADS[1])
  const forum = hostile('Forum', FORMULA_HEADS[2])
  const organizations = FORMULA_HEADS.map((head, index) => ({
    name: hostile(`Organisation ${index}`, head),
    shortName: `${PAYLOADS.attribute}${index}`,
    country: `${head} ${PAYLOADS.script}${PAYLOADS.title}`,
  }))
  const people = FORMULA_HEADS.map((head, index) => ({
    userName: hostile(`Person ${index}`, head),
    signatoryName: hostile(`Signatory ${index}`, head),
    signatoryTitle: hostile(`Position ${index}`, head),
    comment: `${hostile(`Comment ${index}`, head)}\n${PAYLOADS.script}`,
  }))
  const external = {
    organizationName: hostile('Outside organisation', FORMULA_HEADS[3]),
    country: `${FORMULA_HEADS[4]} ${PAYLOADS.attribute}`,
    contactName: hostile('Outside contact', FORMULA_HEADS[5]),
    signatoryTitle: hostile('Outside position', FORMULA_HEADS[0]),
    comment: hostile('Outside comment', FORMULA_HEADS[1]),
  }
  const paragraphs = [...Object.values(PAYLOADS), ...FORMULA_HEADS.map((head) => stored(`${head} in the text`)), `Heading ${MARKUP}`]

  beforeAll(async () => {
    server = await startTestServer()
    admin = await server.admin()
    const statement = await createStatement(admin, { title, forum, kind: 'oral', visibility: 'members' })
    statementId = statement.id

    // The text, typed through the stock y-websocket provider: every payload as a paragraph,
    // a heading, and links, one per unsafe target forged as a mark, and one safe link.
    const writer = connectProvider(server, statementId, admin.cookie)
    await synced(writer.provider)
    for (const paragraph of paragraphs.slice(0, -1)) addParagraph(writer.doc, [[paragraph]])
    addParagraph(writer.doc, [[paragraphs.at(-1) as string]], 'heading', { level: 2 })
    addParagraph(writer.doc, [
      ...UNSAFE_HREFS.map((href, index): [string, Record<string, unknown>] => [`Unsafe link ${index}. `, { link: { href } }]),
      ['Safe link.', { link: { href: SAFE_HREF } }],
    ])
    await waitFor(async () => (await admin.get(`/api/statements/${statementId}/content?format=text`)).text.includes('Safe link.'), { what: 'the server has the typed text' })
    writer.provider.destroy()
    await admin.post(`/api/statements/${statementId}/versions`, { label: hostile('Version label') })
    const lock = await admin.post(`/api/statements/${statementId}/lock`)
    expect(lock.status, lock.text).toBe(200)
    fingerprint = lock.body.fingerprint

    // Member organisations with hostile names, each endorsing through a person with a hostile name.
    for (const [index, organization] of organizations.entries()) {
      const created = await createOrganization(admin, organization.name, { shortName: organization.shortName, country: organization.country, ecosocStatus: index % 2 ? 'special' : 'general' })
      const invitation = await admin.post('/api/invitations', { email: `signer${index}@hostile.test`, organizationId: created.id, role: 'member', canSign: true })
      const person = server.client()
      const accepted = await person.post(`/api/invitations/${invitation.body.token}/accept`, { name: people[index]?.userName, password: PASSWORD })
      expect(accepted.status, accepted.text).toBe(201)
      const { userName: _userName, ...endorsement } = people[index] as (typeof people)[number]
      const endorsed = await person.post(`/api/statements/${statementId}/endorsements`, endorsement)
      expect(endorsed.status, endorsed.text).toBe(201)
      if (index === 0) outsider = person
    }

    // An outside organisation through a sign-on link, approved by the coordinator.
    const link = await admin.post(`/api/statements/${statementId}/signon-links`, {})
    const submitted = await server.client().post(`/api/public/signon/${link.body.token}`, { ...external, ecosocStatus: 'none', email: 'contact@outside.test', consent: true })
    expect(submitted.status, submitted.text).toBe(202)
    const pending = (await admin.get(`/api/statements/${statementId}/endorsements`)).body.endorsements.find((e: { source: string }) => e.source === 'external')
    expect((await admin.post(`/api/statements/${statementId}/endorsements/${pending.id}/approve`)).status).toBe(200)
  })
  afterAll(() => server?.stop({ removeData: true }))

  const signoffUrl = (format: string) => `/api/statements/${statementId}/signoff?format=${format}&order=name`
  const organizationNames = () => [...organizations.map((o) => stored(o.name)), stored(external.organizationName)]
  const countries = () => [...organizations.map((o) => stored(o.country)), stored(external.country)]
  const contactFields = () => [
    ...people.flatMap((p) => [stored(p.signatoryName), stored(p.signatoryTitle)]),
    stored(external.contactName),
    stored(external.signatoryTitle),
    stored(external.comment),
  ]

  function expectStatementHtml(html: string, where: string, kind: 'page' | 'fragment'): void {
    const inspection = inspectHtml(html, where, kind)
    expectText(inspection, paragraphs, where)
    // The links survive as marks: without a target when it is unsafe, with it when it is not.
    const links = inspection.anchors.filter((a) => /^(Unsafe link \d+|Safe link)\.\s*$/.test(a.childNodes.map((c) => ('value' in c ? c.value : '')).join('')))
    expect(links, where).toHaveLength(UNSAFE_HREFS.length + 1)
    const hrefs = links.map((a) => a.attrs.find((attr) => attr.name === 'href')?.value ?? null)
    expect(hrefs, where).toEqual([...UNSAFE_HREFS.map(() => null), SAFE_HREF])
  }

  it('GET /content?format=html: the statement as inert markup, unsafe link targets dropped', async () => {
    const response = await admin.get(`/api/statements/${statementId}/content?format=html`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expectStatementHtml(response.text, '/content?format=html', 'fragment')
  })

  it('every HTML answer of the API comes under a policy that allows nothing: no script, style, request or framing', async () => {
    for (const [who, client] of [
      ['coordinator', admin],
      ['member', outsider],
    ] as const) {
      for (const url of [`/api/statements/${statementId}/content?format=html`, signoffUrl('html')]) {
        const response = await download(client, url)
        expect(response.status, `${who} ${url}`).toBe(200)
        expect(response.type, `${who} ${url}`).toContain('text/html')
        const csp = cspDirectives(response.csp)
        expect(csp.get('default-src'), `${who} ${url}`).toEqual(["'none'"])
        expect(csp.get('frame-ancestors'), `${who} ${url}`).toEqual(["'none'"])
        expect(csp.get('base-uri'), `${who} ${url}`).toEqual(["'none'"])
        expect(csp.get('form-action'), `${who} ${url}`).toEqual(["'none'"])
        // Nothing else may run or load: no script-src, connect-src or img-src of the client's policy.
        for (const directive of csp.keys()) expect(['default-src', 'style-src', 'base-uri', 'form-action', 'frame-ancestors'], `${who} ${url}: ${directive}`).toContain(directive)
      }
    }
    // The statement's fragment has no stylesheet at all, so it gets no style-src either.
    expect((await download(admin, `/api/statements/${statementId}/content?format=html`)).csp).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
  })

  it('keeps the forged targets in the JSON (what was typed is not rewritten) and out of every HTML field of the API', async () => {
    const json = await admin.get(`/api/statements/${statementId}/content?format=json`)
    expect(JSON.stringify(json.body)).toContain('javascript:alert(1)')

    const versions = (await admin.get(`/api/statements/${statementId}/versions`)).body.versions as Array<{ id: string; label: string | null }>
    expect(versions.map((v) => v.label)).toContain(stored(hostile('Version label')))
    for (const version of versions) {
      const full = await admin.get(`/api/statements/${statementId}/versions/${version.id}`)
      expectStatementHtml(full.body.content.html, `version ${version.id} content.html`, 'fragment')
    }
    const link = await admin.post(`/api/statements/${statementId}/signon-links`, {})
    const view = await server.client().get(`/api/public/signon/${link.body.token}`)
    expect(view.status).toBe(200)
    expect(view.body.statement.title).toBe(stored(title))
    expectStatementHtml(view.body.statement.html, 'public sign-on statement.html', 'fragment')
  })

  it('the HTML export, for coordinators and for members: inert, every hostile value shown as text, under its own CSP', async () => {
    const coordinator = await download(admin, signoffUrl('html'))
    expect(coordinator.status).toBe(200)
    expect(coordinator.csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/)
    const page = coordinator.body.toString('utf8')
    expectStatementHtml(page, 'coordinator HTML export', 'page')
    const inspection = inspectHtml(page, 'coordinator HTML export', 'page')
    expectText(inspection, [stored(title), stored(forum), ...organizationNames(), ...countries(), ...contactFields()], 'coordinator HTML export')
    for (const person of people) expect(inspection.text).toContain(stored(person.comment))

    const member = await download(outsider, signoffUrl('html'))
    expect(member.status).toBe(200)
    const memberInspection = inspectHtml(member.body.toString('utf8'), 'member HTML export', 'page')
    expectText(memberInspection, [stored(title), stored(forum), ...organizationNames()], 'member HTML export')
    expect(memberInspection.text).not.toContain(stored(external.contactName))
  })

  it('the public /verify page and its "not verified" page: inert, under the same CSP', async () => {
    const response = await fetch(`${server.url}/verify/${fingerprint}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expectStatementHtml(html, '/verify', 'page')
    // Organisations without consultative status are named without their country in the co-sponsor block.
    expectText(inspectHtml(html, '/verify', 'page'), [stored(title), stored(forum), ...organizationNames(), ...organizations.map((o) => stored(o.country))], '/verify')

    // A "fingerprint" that is itself a payload: it is not echoed, and the page stays inert.
    const missing = await fetch(`${server.url}/verify/${encodeURIComponent(PAYLOADS.attribute)}`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'")
    const notVerified = inspectHtml(await missing.text(), '/verify 404', 'page')
    expect(notVerified.text).toContain('Not verified')
  })

  it('the DOCX export: every XML part well formed, the hostile values in it as text', async () => {
    const docx = await download(admin, signoffUrl('docx'))
    expect(docx.status).toBe(200)
    const parts = docxParts(docx.body)
    const document = parts.get('word/document.xml') ?? ''
    for (const value of [stored(title), stored(forum), ...paragraphs, ...organizationNames(), ...countries(), ...contactFields()]) {
      expect(document, `DOCX carries ${JSON.stringify(value)}`).toContain(value)
    }
    expect(parts.get('docProps/core.xml')).toContain(stored(title))
  })

  it('the PDF export: the hostile values in its text, literally', async () => {
    const pdf = await download(admin, signoffUrl('pdf'))
    expect(pdf.status).toBe(200)
    // Text extraction puts a space wherever a line wraps ("</ script>"), so spaces are compared away; the
    // embedded font has no glyph for the bidi overrides, so the PDF shows the text in its stored order without them.
    const comparable = (text: string) => text.replace(/\s+/g, '').replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    const text = comparable(await pdfText(pdf.body))
    for (const value of [stored(title), stored(forum), ...paragraphs, ...organizationNames(), ...contactFields()]) {
      expect(text, `PDF carries ${JSON.stringify(value)}`).toContain(comparable(value))
    }
  })

  it('the CSV export: no cell a spreadsheet would run, every value there behind a quote', async () => {
    for (const [client, audience] of [
      [admin, 'coordinator'],
      [outsider, 'member'],
    ] as const) {
      const csv = await download(client, signoffUrl('csv'))
      expect(csv.status).toBe(200)
      const cells = (parseCsv(csv.body.toString('utf8'), { bom: true, relax_column_count: true }) as string[][]).flat()
      for (const cell of cells) expect(cell, `${audience} CSV cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/)
      const expected = [stored(title), stored(forum), ...organizationNames(), ...countries(), ...(audience === 'coordinator' ? [...contactFields(), ...people.map((p) => stored(p.comment))] : [])]
      for (const value of expected) expect(cells, `${audience} CSV`).toContain(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
    }
  })

  it('the JSON export: the values exactly as submitted, nothing escaped twice', async () => {
    const json = JSON.parse((await download(admin, signoffUrl('json'))).body.toString('utf8'))
    const serialised = JSON.stringify(json)
    for (const value of [stored(title), stored(forum), ...organizationNames()]) expect(serialised).toContain(JSON.stringify(value).slice(1, -1))
    expect(serialised).not.toContain('&lt;')
  })
})

/** Directive name → its sources, from a Content-Security-Policy header. */
function cspDirectives(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

describe('security headers on client pages', () => {
  let clientDir: string
  let server: TestServer
  let httpsServer: TestServer

  beforeAll(async () => {
    // A stand-in for the built client: the headers do not depend on what index.html holds.
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'plenary-client-'))
    await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>')
    server = await startTestServer({ env: { CLIENT_DIR: clientDir } })
    httpsServer = await startTestServer({ env: { CLIENT_DIR: clientDir, PUBLIC_URL: 'https://plenary.example.org' } })
  })
  afterAll(async () => {
    await server?.stop({ removeData: true })
    await httpsServer?.stop({ removeData: true })
    await rm(clientDir, { recursive: true, force: true })
  })

  it.each(['/', '/statements/x', '/signon/some-token', '/admin?tab=people'])('serves %s under a strict CSP', async (pagePath) => {
    const response = await fetch(server.url + pagePath)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<div id="root">')
    const csp = cspDirectives(response.headers.get('content-security-policy'))
    const wsOrigin = server.publicUrl.replace(/^http/, 'ws')
    expect(csp.get('default-src')).toEqual(["'self'"])
    // Scripts from our origin only: no inline script, no eval, no other host; no inline event handlers.
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('script-src-attr')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'", wsOrigin])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('img-src')).toEqual(["'self'"])
    expect(csp.get('font-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect([...csp.keys()].sort()).toEqual(['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-ancestors', 'img-src', 'object-src', 'script-src', 'script-src-attr', 'style-src'])

    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    expect(response.headers.get('x-powered-by')).toBeNull()
    // Plain http (a development machine, or TLS ends in front of us without PUBLIC_URL saying so): no HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull()
  })

  it('sends HSTS, upgrade-insecure-requests and a wss: connect-src when PUBLIC_URL is https', async () => {
    const response = await fetch(`${httpsServer.url}/statements/x`)
    expect(response.status).toBe(200)
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/)
    const csp = cspDirectives(response.headers.get('content-security-policy'))
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://plenary.example.org'])
    expect(csp.has('upgrade-insecure-requests')).toBe(true)
    expect(csp.get('script-src')).toEqual(["'self'"])
  })

  it('sends the same headers with API answers and with the page that says the client is not built', async () => {
    const api = await fetch(`${server.url}/api/health`)
    expect(cspDirectives(api.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'"])
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')

    const unbuilt = await startTestServer()
    try {
      const response = await fetch(`${unbuilt.url}/statements/x`)
      expect(response.status).toBe(503)
      expect(response.headers.get('content-type')).toContain('text/plain')
      expect(cspDirectives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"])
    } finally {
      await unbuilt.stop({ removeData: true })
    }
  })
})
