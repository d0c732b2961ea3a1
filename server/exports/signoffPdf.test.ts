import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { renderSignoffPdf } from './signoffPdf.js'
import { ACCENTED_NAME, ARABIC_NAME, CONFIDENTIAL_NAME, CONTACT_EMAILS, CYRILLIC_NAME, FINGERPRINT, FORMULA_NAME, makeSignoffDocument } from './testSignoffDocument.js'

/**
 * The PDF's text as pdf.js extracts it: `flat` joins lines with spaces (wrapping
 * may break a sentence anywhere), `compact` drops all whitespace, for values a
 * narrow table column may break mid-word, such as e-mail addresses.
 */
async function extract(body: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, disableFontFace: true }).promise
  let text = ''
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent()
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '')
  }
  const info: Record<string, unknown> = Object.fromEntries(Object.entries((await pdf.getMetadata()).info))
  const pages = pdf.numPages
  await pdf.destroy()
  return { text, flat: text.replace(/\s+/g, ' '), compact: text.replace(/\s+/g, ''), info, pages }
}

async function render(overrides: Parameters<typeof makeSignoffDocument>[0] = {}) {
  const rendered = await renderSignoffPdf(makeSignoffDocument(overrides))
  return { rendered, ...(await extract(rendered.body as Buffer)) }
}

describe('renderSignoffPdf', () => {
  it('is a PDF named after the statement, with its dates from generatedAt', async () => {
    const { rendered, info } = await render()
    expect(rendered.contentType).toBe('application/pdf')
    expect(rendered.filename).toBe('joint-statement-on-victims-rights-v7-signoff.pdf')
    expect((rendered.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(info.Title).toBe('Joint statement on victims’ rights')
    expect(info.CreationDate).toBe('D:20250503080000Z')
    expect(info.ModDate).toBe('D:20250503080000Z')
  })

  it('renders the same document to the same bytes', async () => {
    const [first, second] = await Promise.all([renderSignoffPdf(makeSignoffDocument()), renderSignoffPdf(makeSignoffDocument())])
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0)
  })

  it('shows the title, "Check against delivery", the text, the co-sponsors and the fingerprint', async () => {
    const { text, flat } = await render()
    expect(text.split('\n')[0]).toBe('Check against delivery')
    expect(flat).toContain('Joint statement on victims’ rights')
    expect(flat).toContain('1. Ratify the Convention;')
    expect(flat).toContain('- without reservations.')
    expect(flat).toContain(`Endorsed by: ${FORMULA_NAME} (@Nowhere), Amnesty Kenya (Kenya), ${CYRILLIC_NAME} (Россия)`)
    expect(flat).toContain(`share the views expressed in this statement: ${ACCENTED_NAME} and Quote "Q", Comma and Newline Org.`)
    expect(flat).toContain(FINGERPRINT)
    expect(flat).toContain('Version: 7')
    expect(flat).toContain(`Version 7 · ${FINGERPRINT} · page 1 of`)
  })

  it('embeds a font for names in non-Latin scripts instead of dropping them', async () => {
    const { flat } = await render()
    expect(flat).toContain(CYRILLIC_NAME)
    expect(flat).toContain(ACCENTED_NAME)
    // Arabic letters are embedded and extractable; word order on a mixed-direction line is the limitation noted in signoffPdf.ts.
    for (const word of ARABIC_NAME.split(' ')) expect(flat).toContain(word)
  })

  it('leaves "Check against delivery" off written statements', async () => {
    expect((await render({ statement: { kind: 'written' } })).flat).not.toContain('Check against delivery')
  })

  it('adds the contact table for coordinators', async () => {
    const { flat, compact } = await render()
    expect(flat).toContain('Endorsements and contacts (coordinators only)')
    expect(flat).toContain(CONFIDENTIAL_NAME)
    for (const email of CONTACT_EMAILS) expect(compact).toContain(email)
  })

  it('never carries an e-mail address, a signatory or a confidential name in a public export', async () => {
    const { flat, compact } = await render({ audience: 'public' })
    for (const email of CONTACT_EMAILS) expect(compact).not.toContain(email)
    expect(compact).not.toContain(CONFIDENTIAL_NAME.replace(/\s+/g, ''))
    expect(flat).not.toContain('Signatory of')
    expect(flat).not.toContain('coordinators only')
    expect(flat).toContain('One further organisation endorsed this statement confidentially and is not named.')
  })
})
