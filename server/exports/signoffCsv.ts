import { stringify } from 'csv-stringify/sync'
import { neutraliseCsvCell } from '../../shared/signoff/csvSafety.js'
import { ecosocStatusLabel } from '../../shared/signoff/ecosocStatusLabel.js'
import { listedEndorsements } from './signoffContent.js'
import { exportFilename, type RenderedExport, type SignoffDocument, type SignoffEndorsement } from './signoffDocument.js'

const PUBLIC_COLUMNS: Array<[header: string, cell: (e: SignoffEndorsement) => string]> = [
  ['Organisation', (e) => e.organization.name],
  ['Country', (e) => e.organization.country],
  ['ECOSOC status', (e) => ecosocStatusLabel(e.organization.ecosocStatus)],
  ['Website', (e) => e.organization.website ?? ''],
]

const COORDINATOR_COLUMNS: typeof PUBLIC_COLUMNS = [
  ...PUBLIC_COLUMNS,
  ['Signatory', (e) => e.signatoryName],
  ['Signatory title', (e) => e.signatoryTitle ?? ''],
  ['E-mail', (e) => e.contactEmail ?? ''],
  ['Comment', (e) => e.comment ?? ''],
  ['Confidential', (e) => (e.confidential ? 'yes' : 'no')],
  ['Source', (e) => e.source],
  ['Confirmed at', (e) => e.confirmedAt],
]

/**
 * The sign-off list for spreadsheets: a few preamble rows saying what was
 * signed (title, version, lock time, fingerprint, counts), a blank row, a
 * header row and one row per endorsement.
 *
 * Excel reads a CSV as the system code page unless it starts with a UTF-8 BOM,
 * which would mangle "Ärzte" or Cyrillic names; CRLF and RFC 4180 quoting are
 * what every spreadsheet expects. Every cell, preamble and header included,
 * goes through neutraliseCsvCell: names and comments come from outside.
 */
export function renderSignoffCsv(document: SignoffDocument): RenderedExport {
  const { statement } = document
  const columns = document.audience === 'coordinator' ? COORDINATOR_COLUMNS : PUBLIC_COLUMNS
  const rows: string[][] = [
    ['Statement', statement.title],
    ['Forum', statement.forum],
    ['Kind', statement.kind],
    ['Version', String(statement.versionNumber)],
    ['Locked at', statement.lockedAt],
    ['Fingerprint', statement.fingerprint],
    ['Verify at', document.verifyUrl],
    ['Confidential endorsements (not named)', String(document.confidentialCount)],
    ['Endorsements of an earlier text (not listed)', String(document.staleCount)],
    ['Generated at', document.generatedAt],
    [],
    columns.map(([header]) => header),
    ...listedEndorsements(document).map((e) => columns.map(([, cell]) => cell(e))),
  ]
  const body = stringify(
    rows.map((row) => row.map(neutraliseCsvCell)),
    { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ },
  )
  return { contentType: 'text/csv; charset=utf-8', filename: exportFilename(document, 'csv'), body: Buffer.from(body, 'utf8') }
}
