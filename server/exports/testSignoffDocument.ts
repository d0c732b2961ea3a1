import type { SignoffDocument, SignoffEndorsement } from './signoffDocument.js'

/** A sign-off document for export tests: names in several scripts, hostile names, one confidential endorser. */

export const FINGERPRINT = 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'

export const CANONICAL_TEXT = [
  '## Joint statement on victims’ rights',
  'Madam Chair, we welcome the report.',
  '1. Ratify the Convention;',
  '  - without reservations.',
  '2. Fund victim support.',
  '> Nothing about us without us.',
  '---',
  'Thank you.',
].join('\n')

const STATEMENT_HTML =
  '<h2>Joint statement on victims’ rights</h2><p>Madam Chair, we welcome the report.</p>' +
  '<ol><li><p>Ratify the Convention;</p><ul><li><p>without reservations.</p></li></ul></li><li><p>Fund victim support.</p></li></ol>' +
  '<blockquote><p>Nothing about us without us.</p></blockquote><hr><p>Thank you.</p>'

export function endorsement(name: string, overrides: Partial<Omit<SignoffEndorsement, 'organization'>> & { organization?: Partial<SignoffEndorsement['organization']> } = {}): SignoffEndorsement {
  const { organization, ...rest } = overrides
  return {
    signatoryName: `Signatory of ${name}`,
    signatoryTitle: 'Director',
    contactEmail: null,
    comment: null,
    confidential: false,
    source: 'member',
    confirmedAt: '2025-05-02T10:00:00.000Z',
    ...rest,
    organization: { name, country: 'Kenya', ecosocStatus: 'special', website: null, ...organization },
  }
}

export const FORMULA_NAME = '=HYPERLINK("http://x")'
export const AWKWARD_NAME = 'Quote "Q", Comma\nand Newline Org'
export const CYRILLIC_NAME = 'Правозащитный центр'
export const ARABIC_NAME = 'جمعية حقوق'
export const ACCENTED_NAME = 'Ärzte für Menschenrechte e.V.'
export const CONFIDENTIAL_NAME = 'Secret Shelter Network'

export const ENDORSEMENTS: SignoffEndorsement[] = [
  endorsement('Amnesty Kenya', { contactEmail: 'anna@amnesty-kenya.example', organization: { country: 'Kenya', ecosocStatus: 'general', website: 'https://amnesty-kenya.example' }, comment: 'Happy to co-sponsor' }),
  endorsement(FORMULA_NAME, { source: 'external', contactEmail: 'mallory@formula.example', organization: { country: '@Nowhere', ecosocStatus: 'special' }, comment: '-1+2' }),
  endorsement(AWKWARD_NAME, { source: 'external', contactEmail: 'quinn@awkward.example', organization: { country: 'Chile', ecosocStatus: 'none' } }),
  endorsement(CYRILLIC_NAME, { contactEmail: 'ivan@pc.example', organization: { country: 'Россия', ecosocStatus: 'special' } }),
  endorsement(ARABIC_NAME, { contactEmail: 'amal@haqq.example', organization: { country: 'Egypt', ecosocStatus: 'roster' } }),
  endorsement(ACCENTED_NAME, { contactEmail: 'jorg@aerzte.example', organization: { country: 'Germany', ecosocStatus: 'none' } }),
  endorsement(CONFIDENTIAL_NAME, { confidential: true, contactEmail: 'hidden@shelter.example', organization: { country: 'Iran', ecosocStatus: 'general' } }),
]

export const CONTACT_EMAILS = ENDORSEMENTS.map((e) => e.contactEmail).filter((email): email is string => email !== null)

/**
 * Public documents are given everything here, confidential endorser and e-mail
 * addresses included, as if the caller had forgotten to filter: the renderers
 * must still leave them out.
 */
export type SignoffDocumentOverrides = Omit<Partial<SignoffDocument>, 'statement'> & { statement?: Partial<SignoffDocument['statement']> }

export function makeSignoffDocument(overrides: SignoffDocumentOverrides = {}): SignoffDocument {
  const { statement, ...rest } = overrides
  return {
    endorsements: ENDORSEMENTS,
    audience: 'coordinator',
    confidentialCount: 1,
    staleCount: 2,
    order: 'name',
    generatedAt: '2025-05-03T08:00:00.000Z',
    verifyUrl: `https://plenary.example.org/verify/${FINGERPRINT}`,
    ...rest,
    statement: {
      title: 'Joint statement on victims’ rights',
      forum: 'CCPCJ 34th session',
      kind: 'oral',
      versionNumber: 7,
      lockedAt: '2025-05-01T14:03:27.000Z',
      fingerprint: FINGERPRINT,
      text: CANONICAL_TEXT,
      html: STATEMENT_HTML,
      ...statement,
    },
  }
}
