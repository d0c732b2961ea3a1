import { cosponsorBlock, orderEndorsements, type CosponsorBlock } from '../../shared/signoff/cosponsors.js'
import { ecosocStatusLabel } from '../../shared/signoff/ecosocStatusLabel.js'
import type { SignoffDocument, SignoffEndorsement } from './signoffDocument.js'
import { formatUtcTime } from './utcTime.js'

/**
 * What the HTML, DOCX and PDF exports show, worked out once so that the three
 * say the same thing in the same words. Rendering stays in each renderer.
 */
export interface SignoffContent {
  /** In the requested order; public: never a confidential endorsement, whatever the caller passed. */
  endorsements: SignoffEndorsement[]
  /** Never names a confidential endorser, for either audience: it is what goes to the UN. */
  cosponsors: CosponsorBlock
  /** "Check against delivery" is printed at the top of oral statements. */
  checkAgainstDelivery: boolean
  /** The record of what was signed: label and value pairs. */
  record: Array<[label: string, value: string]>
  /** Counts in words: confidential endorsements not named, endorsements of an earlier text not listed. */
  notes: string[]
  /** Coordinators only: a header row and one row per endorsement; each cell may span several lines. */
  contacts: { header: string[]; rows: string[][] } | null
}

export const CHECK_AGAINST_DELIVERY = 'Check against delivery'
export const COSPONSORS_HEADING = 'Co-sponsors'
export const RECORD_HEADING = 'Sign-off record'
export const CONTACTS_HEADING = 'Endorsements and contacts (coordinators only)'

/** Public exports list what the caller passed minus anything marked confidential: a second lock on the same door. */
export function listedEndorsements(document: SignoffDocument): SignoffEndorsement[] {
  const visible = document.audience === 'public' ? document.endorsements.filter((e) => !e.confidential) : document.endorsements
  return orderEndorsements(visible, document.order)
}

export function signoffContent(document: SignoffDocument): SignoffContent {
  const endorsements = listedEndorsements(document)
  const { statement } = document
  return {
    endorsements,
    cosponsors: cosponsorBlock(endorsements, document.order),
    checkAgainstDelivery: statement.kind === 'oral',
    record: [
      ['Version', String(statement.versionNumber)],
      ['Locked at', formatUtcTime(statement.lockedAt)],
      ['Fingerprint', statement.fingerprint],
      ['Verify at', document.verifyUrl],
      ['Generated at', formatUtcTime(document.generatedAt)],
    ],
    notes: notes(document),
    contacts: document.audience === 'coordinator' ? contactTable(endorsements) : null,
  }
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many.replace('{n}', String(count))
}

function notes(document: SignoffDocument): string[] {
  const result: string[] = []
  const confidential = document.confidentialCount
  if (confidential > 0) {
    result.push(
      document.audience === 'public'
        ? plural(confidential, 'One further organisation endorsed this statement confidentially and is not named.', '{n} further organisations endorsed this statement confidentially and are not named.')
        : plural(confidential, 'One endorsement is confidential: it is in the contact table only, never in the co-sponsor block.', '{n} endorsements are confidential: they are in the contact table only, never in the co-sponsor block.'),
    )
  }
  if (document.staleCount > 0) {
    result.push(plural(document.staleCount, 'One endorsement was given for an earlier text and is not listed.', '{n} endorsements were given for an earlier text and are not listed.'))
  }
  return result
}

const SOURCE_LABELS: Record<SignoffEndorsement['source'], string> = { member: 'Member', external: 'Outside organisation' }

export const CONTACT_COLUMNS = ['Organisation', 'Signatory', 'E-mail', 'Endorsement', 'Comment']

function contactTable(endorsements: SignoffEndorsement[]): { header: string[]; rows: string[][] } {
  return {
    header: CONTACT_COLUMNS,
    rows: endorsements.map((e) => [
      lines(e.organization.name, e.organization.country, ecosocStatusLabel(e.organization.ecosocStatus), e.organization.website),
      lines(e.signatoryName, e.signatoryTitle),
      lines(e.contactEmail),
      lines(SOURCE_LABELS[e.source], e.confidential ? 'Confidential' : null, `Confirmed ${formatUtcTime(e.confirmedAt)}`),
      e.comment ?? '',
    ]),
  }
}

/** Cell lines, one value each: a line break inside a name would read as two values. */
function lines(...values: (string | null | undefined)[]): string {
  return values
    .map((value) => (value ?? '').replace(/\s+/g, ' ').trim())
    .filter((value) => value !== '')
    .join('\n')
}
