import { ecosocStatusLabel } from '../../shared/signoff/ecosocStatusLabel.js'
import { signoffContent } from './signoffContent.js'
import { exportFilename, type RenderedExport, type SignoffDocument } from './signoffDocument.js'

/** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
export const SIGNOFF_JSON_VERSION = 1

/**
 * The sign-off list as data: statement metadata with the canonical text (so
 * anyone can recompute the fingerprint), counts, the co-sponsor block and the
 * endorsements. Public exports carry organisations only; coordinator exports
 * add the signatory and contact details.
 */
export function renderSignoffJson(document: SignoffDocument): RenderedExport {
  const content = signoffContent(document)
  const { statement } = document
  const coordinator = document.audience === 'coordinator'
  const data = {
    format: 'plenary-signoff',
    formatVersion: SIGNOFF_JSON_VERSION,
    audience: document.audience,
    order: document.order,
    generatedAt: document.generatedAt,
    statement: {
      title: statement.title,
      forum: statement.forum,
      kind: statement.kind,
      versionNumber: statement.versionNumber,
      lockedAt: statement.lockedAt,
      fingerprint: statement.fingerprint,
      verifyUrl: document.verifyUrl,
      text: statement.text,
    },
    counts: { listed: content.endorsements.length, confidential: document.confidentialCount, stale: document.staleCount },
    cosponsorBlock: content.cosponsors,
    endorsements: content.endorsements.map((e) => {
      const organization = {
        name: e.organization.name,
        country: e.organization.country,
        ecosocStatus: e.organization.ecosocStatus,
        ecosocStatusLabel: ecosocStatusLabel(e.organization.ecosocStatus),
        website: e.organization.website,
      }
      if (!coordinator) return { organization }
      return {
        organization,
        signatoryName: e.signatoryName,
        signatoryTitle: e.signatoryTitle,
        contactEmail: e.contactEmail,
        comment: e.comment,
        confidential: e.confidential,
        source: e.source,
        confirmedAt: e.confirmedAt,
      }
    }),
  }
  return { contentType: 'application/json; charset=utf-8', filename: exportFilename(document, 'json'), body: `${JSON.stringify(data, null, 2)}\n` }
}
