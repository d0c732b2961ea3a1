import type { EndorsementSource } from '../../shared/domain/endorsement.js'
import type { EcosocStatus } from '../../shared/domain/organization.js'
import type { StatementKind } from '../../shared/domain/statement.js'
import type { CosponsorOrder } from '../../shared/signoff/cosponsors.js'

/** Everything a sign-off export shows, assembled by the service (server/services/signoff.ts). */
export interface SignoffDocument {
  statement: {
    title: string
    forum: string
    kind: StatementKind
    versionNumber: number
    lockedAt: string
    /** `sha256:<hex>` of `text`. */
    fingerprint: string
    /** The canonical text (shared/text/canonicalText.ts): one block per line. */
    text: string
    /** The statement rendered by server/render/documentRenderer.ts: markup from the schema, text already escaped. */
    html: string
  }
  /** Approved endorsements of the current locked text only; for the public audience, confidential ones already removed. */
  endorsements: SignoffEndorsement[]
  /** Coordinator exports carry contact details; public ones never do and never name confidential endorsers. */
  audience: SignoffAudience
  /** Confidential endorsements of the current text: counted, never named in public. */
  confidentialCount: number
  /** Approved endorsements of an earlier text: counted, not listed. */
  staleCount: number
  order: CosponsorOrder
  generatedAt: string
  /** e.g. https://plenary.example.org/verify/sha256:… */
  verifyUrl: string
}

export type SignoffAudience = 'coordinator' | 'public'

export interface SignoffEndorsement {
  organization: { name: string; country: string; ecosocStatus: EcosocStatus; website: string | null }
  signatoryName: string
  signatoryTitle: string | null
  contactEmail: string | null
  comment: string | null
  confidential: boolean
  source: EndorsementSource
  confirmedAt: string
}

/** What every renderer returns; the route sets the headers from it. */
export interface RenderedExport {
  contentType: string
  /** ASCII only, safe for Content-Disposition. */
  filename: string
  body: Buffer | string
}

/**
 * "Joint statement on victims’ rights", version 4 →
 * "joint-statement-on-victims-rights-v4-signoff.pdf".
 */
export function exportFilename(document: SignoffDocument, extension: string): string {
  const slug =
    document.statement.title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/['’]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'statement'
  return `${slug}-v${document.statement.versionNumber}-signoff.${extension}`
}
