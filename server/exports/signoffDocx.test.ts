import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderSignoffDocx } from './signoffDocx.js'
import { ACCENTED_NAME, ARABIC_NAME, CONFIDENTIAL_NAME, CONTACT_EMAILS, CYRILLIC_NAME, FINGERPRINT, FORMULA_NAME, makeSignoffDocument } from './testSignoffDocument.js'

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }

/** The text of every <w:t> run, one paragraph per line, with XML entities decoded. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => (text ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity)).join(''),
  )
}

async function render(overrides: Parameters<typeof makeSignoffDocument>[0] = {}) {
  const rendered = await renderSignoffDocx(makeSignoffDocument(overrides))
  // DOCX is a ZIP of XML parts; fflate (which docx itself uses to write it) reads it back.
  const files = unzipSync(new Uint8Array(rendered.body as Buffer))
  const part = (name: string) => {
    const bytes = files[name]
    if (!bytes) throw new Error(`${name} is missing from the DOCX`)
    return strFromU8(bytes)
  }
  const documentXml = part('word/document.xml')
  const footerXml = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map(part).join('\n')
  return { rendered, files, documentXml, footerXml, lines: paragraphs(documentXml), text: paragraphs(documentXml).join('\n') }
}

describe('renderSignoffDocx', () => {
  it('is a Word document named after the statement', async () => {
    const { rendered, files } = await render()
    expect(rendered.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(rendered.filename).toBe('joint-statement-on-victims-rights-v7-signoff.docx')
    expect(Object.keys(files)).toContain('[Content_Types].xml')
  })

  it('puts "Check against delivery" first on oral statements only', async () => {
    expect((await render()).lines[0]).toBe('Check against delivery')
    expect((await render({ statement: { kind: 'written' } })).text).not.toContain('Check against delivery')
  })

  it('writes the statement one paragraph per line, headings as headings, list markers kept', async () => {
    const { lines, documentXml } = await render()
    expect(lines).toEqual(
      expect.arrayContaining(['Joint statement on victims’ rights', 'Madam Chair, we welcome the report.', '1. Ratify the Convention;', '- without reservations.', '2. Fund victim support.', 'Thank you.']),
    )
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Joint statement on victims’ rights/)
    expect(documentXml).toMatch(/<w:pStyle w:val="Title"\/>/)
  })

  it('has the co-sponsor block, closing sentence and the record of what was signed', async () => {
    const { lines, text, footerXml } = await render()
    expect(lines).toContain(`Endorsed by: ${FORMULA_NAME} (@Nowhere), Amnesty Kenya (Kenya), ${CYRILLIC_NAME} (Россия) and ${ARABIC_NAME} (Egypt).`)
    expect(lines).toContain(`The following organisations without consultative status also share the views expressed in this statement: ${ACCENTED_NAME} and Quote "Q", Comma and Newline Org.`)
    expect(lines).toContain('Version: 7')
    expect(lines).toContain('Locked at: 1 May 2025, 14:03 UTC')
    expect(lines).toContain(`Fingerprint: ${FINGERPRINT}`)
    expect(lines).toContain(`Verify at: https://plenary.example.org/verify/${FINGERPRINT}`)
    expect(text).toContain('2 endorsements were given for an earlier text and are not listed.')
    expect(footerXml).toContain(FINGERPRINT)
  })

  it('adds the contact table for coordinators, confidential endorser included but not in the co-sponsor block', async () => {
    const { documentXml, text, lines } = await render()
    expect(documentXml).toContain('<w:tbl>')
    for (const email of CONTACT_EMAILS) expect(text).toContain(email)
    expect(lines).toContain(CONFIDENTIAL_NAME)
    expect(lines).toContain('Confidential')
    expect(lines.find((line) => line.startsWith('Endorsed by:'))).not.toContain(CONFIDENTIAL_NAME)
  })

  it('never carries an e-mail address, a signatory or a confidential name in a public export', async () => {
    const { documentXml, footerXml, text } = await render({ audience: 'public' })
    expect(documentXml).not.toContain('<w:tbl>')
    for (const xml of [documentXml, footerXml]) {
      for (const email of CONTACT_EMAILS) expect(xml).not.toContain(email)
      expect(xml).not.toContain(CONFIDENTIAL_NAME)
      expect(xml).not.toContain('Signatory of')
    }
    expect(text).toContain('One further organisation endorsed this statement confidentially and is not named.')
  })

  it('survives control characters in a name, which XML cannot carry', async () => {
    const { lines } = await render({ endorsements: [{ ...makeSignoffDocument().endorsements[0]!, organization: { name: 'Bell\u0007Org', country: 'Kenya', ecosocStatus: 'general', website: null } }] })
    expect(lines).toContain('Endorsed by: Bell\uFFFDOrg (Kenya).')
  })
})
