import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { SIGNOFF_HTML_CSP, renderSignoffHtml } from './signoffHtml.js'
import { CONFIDENTIAL_NAME, CONTACT_EMAILS, CYRILLIC_NAME, FINGERPRINT, endorsement, makeSignoffDocument } from './testSignoffDocument.js'

const html = (overrides: Parameters<typeof makeSignoffDocument>[0] = {}) => renderSignoffHtml(makeSignoffDocument(overrides)).body as string

describe('renderSignoffHtml', () => {
  it('is a complete page with the statement, the co-sponsors and the record', () => {
    const rendered = renderSignoffHtml(makeSignoffDocument())
    const page = rendered.body as string
    expect(rendered.contentType).toBe('text/html; charset=utf-8')
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(page.trimEnd().endsWith('</html>')).toBe(true)
    expect(page).toContain('<p class="check">Check against delivery</p>')
    expect(page).toContain('<h1>Joint statement on victims’ rights</h1>')
    expect(page).toContain('CCPCJ 34th session · Oral statement · Version 7, locked 1 May 2025, 14:03 UTC')
    expect(page).toContain('<article class="statement"><h2>Joint statement on victims’ rights</h2><p>Madam Chair')
    expect(page).toContain(`Правозащитный центр (Россия)`)
    expect(page).toContain('The following organisations without consultative status also share the views expressed in this statement:')
    expect(page).toContain(`<code>${FINGERPRINT}</code>`)
    expect(page).toContain(`<a href="https://plenary.example.org/verify/${FINGERPRINT}">`)
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\son\w+=/i)
  })

  it('leaves "Check against delivery" off written statements', () => {
    expect(html({ statement: { kind: 'written' } })).not.toContain('Check against delivery')
  })

  it('escapes the title, the forum and every organisation field', () => {
    const page = html({
      statement: { title: '<script>alert("title")</script> & more', forum: '<img src=x onerror=alert(1)>' },
      endorsements: [
        endorsement('<script>alert("org")</script>', { organization: { country: '"><b>', ecosocStatus: 'general', website: 'javascript:alert(1)' }, comment: '</td><script>alert(2)</script>' }),
        endorsement("O'Brien & <Partners>", { organization: { ecosocStatus: 'none' } }),
      ],
    })
    expect(page).not.toContain('<script')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('<b>')
    expect(page).toContain('<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more: sign-off, version 7</title>')
    expect(page).toContain('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more</h1>')
    expect(page).toContain('Endorsed by: &lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; (&quot;&gt;&lt;b&gt;).')
    expect(page).toContain('O&#39;Brien &amp; &lt;Partners&gt;.')
    expect(page).not.toContain('href="javascript:')
  })

  it('links the verify URL only when it is http(s)', () => {
    expect(html({ verifyUrl: 'javascript:alert(1)' })).not.toContain('<a href')
  })

  it('adds the contact table for coordinators, with the confidential endorser marked', () => {
    const page = html()
    expect(page).toContain('Endorsements and contacts (coordinators only)')
    for (const email of CONTACT_EMAILS) expect(page).toContain(email)
    expect(page).toMatch(/Secret Shelter Network[\s\S]*?Confidential/)
    expect(page).toContain('One endorsement is confidential: it is in the contact table only, never in the co-sponsor block.')
    expect(page).not.toMatch(/Endorsed by:[^<]*Secret Shelter Network/)
  })

  it('never carries an e-mail address, a signatory or a confidential name in a public export', () => {
    const page = html({ audience: 'public' })
    for (const email of CONTACT_EMAILS) expect(page).not.toContain(email)
    expect(page).not.toContain(CONFIDENTIAL_NAME)
    expect(page).not.toContain('Signatory of')
    expect(page).not.toContain('<table')
    expect(page).toContain(CYRILLIC_NAME)
    expect(page).toContain('One further organisation endorsed this statement confidentially and is not named.')
  })

  it('offers a CSP that allows exactly its own stylesheet', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html())?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    expect(SIGNOFF_HTML_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
  })
})
