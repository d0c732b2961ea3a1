import { describe, expect, it } from 'vitest'
import { renderSignoffJson } from './signoffJson.js'
import { CANONICAL_TEXT, CONFIDENTIAL_NAME, CONTACT_EMAILS, FINGERPRINT, makeSignoffDocument } from './testSignoffDocument.js'

const render = (overrides: Parameters<typeof makeSignoffDocument>[0] = {}) => {
  const rendered = renderSignoffJson(makeSignoffDocument(overrides))
  return { rendered, text: rendered.body as string, data: JSON.parse(rendered.body as string) }
}

describe('renderSignoffJson', () => {
  it('carries the statement, the counts and the co-sponsor block', () => {
    const { rendered, data } = render({ order: 'status' })
    expect(rendered.contentType).toBe('application/json; charset=utf-8')
    expect(rendered.filename).toBe('joint-statement-on-victims-rights-v7-signoff.json')
    expect(data).toMatchObject({
      format: 'plenary-signoff',
      formatVersion: 1,
      audience: 'coordinator',
      order: 'status',
      statement: { title: 'Joint statement on victims’ rights', kind: 'oral', versionNumber: 7, fingerprint: FINGERPRINT, text: CANONICAL_TEXT },
      counts: { listed: 7, confidential: 1, stale: 2 },
    })
    expect(data.cosponsorBlock.lines).toEqual([
      'In general consultative status with ECOSOC: Amnesty Kenya.',
      'In special consultative status with ECOSOC: =HYPERLINK("http://x") and Правозащитный центр.',
      'On the ECOSOC roster: جمعية حقوق.',
    ])
    expect(data.endorsements.map((e: any) => e.organization.name)).toEqual([
      'Amnesty Kenya',
      'Secret Shelter Network',
      '=HYPERLINK("http://x")',
      'Правозащитный центр',
      'جمعية حقوق',
      'Ärzte für Menschenrechte e.V.',
      'Quote "Q", Comma\nand Newline Org',
    ])
    expect(data.endorsements[1]).toMatchObject({ confidential: true, contactEmail: 'hidden@shelter.example', signatoryName: 'Signatory of Secret Shelter Network' })
  })

  it('never carries an e-mail address, a signatory or a confidential name in a public export', () => {
    const { text, data } = render({ audience: 'public' })
    for (const email of CONTACT_EMAILS) expect(text).not.toContain(email)
    expect(text).not.toContain(CONFIDENTIAL_NAME)
    expect(text).not.toContain('Signatory of')
    expect(data.counts).toEqual({ listed: 6, confidential: 1, stale: 2 })
    expect(Object.keys(data.endorsements[0])).toEqual(['organization'])
  })
})
