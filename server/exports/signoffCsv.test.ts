import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { renderSignoffCsv } from './signoffCsv.js'
import { AWKWARD_NAME, CONFIDENTIAL_NAME, CONTACT_EMAILS, CYRILLIC_NAME, FINGERPRINT, FORMULA_NAME, makeSignoffDocument } from './testSignoffDocument.js'

function render(audience: 'coordinator' | 'public') {
  const rendered = renderSignoffCsv(makeSignoffDocument({ audience }))
  const bytes = rendered.body as Buffer
  const text = bytes.toString('utf8')
  const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true })
  const headerIndex = rows.findIndex((row) => row[0] === 'Organisation')
  const preamble = new Map(rows.slice(0, headerIndex).map((row) => [row[0], row[1]]))
  return { rendered, bytes, text, rows, preamble, header: rows[headerIndex] ?? [], records: rows.slice(headerIndex + 1) }
}

describe('renderSignoffCsv', () => {
  it('is UTF-8 with a BOM and CRLF records', () => {
    const { rendered, bytes, text } = render('public')
    expect(rendered.contentType).toBe('text/csv; charset=utf-8')
    expect(rendered.filename).toBe('joint-statement-on-victims-rights-v7-signoff.csv')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/)
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('starts with what was signed: title, version, lock time, fingerprint and counts', () => {
    const { preamble } = render('public')
    expect(preamble.get('Statement')).toBe('Joint statement on victims’ rights')
    expect(preamble.get('Version')).toBe('7')
    expect(preamble.get('Locked at')).toBe('2025-05-01T14:03:27.000Z')
    expect(preamble.get('Fingerprint')).toBe(FINGERPRINT)
    expect(preamble.get('Confidential endorsements (not named)')).toBe('1')
    expect(preamble.get('Endorsements of an earlier text (not listed)')).toBe('2')
  })

  it('lists organisations only for the public, in the requested order', () => {
    const { header, records } = render('public')
    expect(header).toEqual(['Organisation', 'Country', 'ECOSOC status', 'Website'])
    expect(records.map((row) => row[0])).toEqual([
      `'${FORMULA_NAME}`,
      'Amnesty Kenya',
      'Ärzte für Menschenrechte e.V.',
      AWKWARD_NAME,
      'Правозащитный центр',
      'جمعية حقوق',
    ])
    expect(records[1]).toEqual(['Amnesty Kenya', 'Kenya', 'General consultative status', 'https://amnesty-kenya.example'])
  })

  it('neutralises formula cells and round-trips commas, quotes and newlines', () => {
    const { records } = render('coordinator')
    const formula = records.find((row) => row[0]?.includes('HYPERLINK'))
    expect(formula?.slice(0, 2)).toEqual([`'=HYPERLINK("http://x")`, "'@Nowhere"])
    expect(formula?.[7]).toBe("'-1+2")
    expect(records.some((row) => row[0] === AWKWARD_NAME)).toBe(true)
    expect(records.some((row) => row[0] === CYRILLIC_NAME && row[1] === 'Россия')).toBe(true)
  })

  it('adds contact details and the confidential endorser for coordinators', () => {
    const { header, records } = render('coordinator')
    expect(header).toEqual(['Organisation', 'Country', 'ECOSOC status', 'Website', 'Signatory', 'Signatory title', 'E-mail', 'Comment', 'Confidential', 'Source', 'Confirmed at'])
    const secret = records.find((row) => row[0] === CONFIDENTIAL_NAME)
    expect(secret?.slice(4)).toEqual(['Signatory of Secret Shelter Network', 'Director', 'hidden@shelter.example', '', 'yes', 'member', '2025-05-02T10:00:00.000Z'])
    expect(records).toHaveLength(7)
  })

  it('never carries an e-mail address or a confidential name in a public export', () => {
    const { text } = render('public')
    for (const email of CONTACT_EMAILS) expect(text).not.toContain(email)
    expect(text).not.toContain(CONFIDENTIAL_NAME)
    expect(text).not.toContain('Signatory of')
  })
})
