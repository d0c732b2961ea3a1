import type { EcosocStatus } from './organization.js'

/**
 * An organisation's signature on a statement's locked text.
 *
 * Members with `canSign` endorse for their own organisation and are approved at
 * once; outside organisations sign through a sign-on link and wait, `pending`,
 * until a coordinator approves or rejects them. Every endorsement records the
 * fingerprint of the text it was given for: after an unlock and a new lock with
 * a different text it is "stale" until the signatory re-confirms.
 */
export const ENDORSEMENT_SOURCES = ['member', 'external'] as const
export type EndorsementSource = (typeof ENDORSEMENT_SOURCES)[number]

export const ENDORSEMENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type EndorsementStatus = (typeof ENDORSEMENT_STATUSES)[number]

/** The organisation as it signed: kept with the endorsement so later edits of the organisation do not rewrite history. */
export interface EndorsingOrganization {
  /** The member organisation's id; null for an outside organisation. */
  id: string | null
  name: string
  country: string
  ecosocStatus: EcosocStatus
  website: string | null
}

export interface Endorsement {
  id: string
  statementId: string
  source: EndorsementSource
  status: EndorsementStatus
  organization: EndorsingOrganization
  signatoryName: string
  signatoryTitle: string | null
  /** Contact e-mail: the member's account, or what the outside organisation gave. Coordinators only. */
  contactEmail: string | null
  comment: string | null
  /** Known to coordinators and counted, never named in public lists or exports. */
  confidential: boolean
  /** `sha256:<hex>` of the locked text this endorsement was given (or last re-confirmed) for. */
  fingerprint: string
  createdAt: string
  /** The member who signed; null for outside organisations. */
  createdBy: string | null
  confirmedAt: string
  decidedAt: string | null
  decidedBy: string | null
  withdrawnAt: string | null
  withdrawnBy: string | null
}

/** Whether the endorsement still stands: approved, or waiting for a coordinator. */
export function isActive(endorsement: Pick<Endorsement, 'status'>): boolean {
  return endorsement.status === 'approved' || endorsement.status === 'pending'
}

/** Given for an earlier text than the one locked now. */
export function isStale(endorsement: Pick<Endorsement, 'fingerprint'>, lockedFingerprint: string | null): boolean {
  return lockedFingerprint !== null && endorsement.fingerprint !== lockedFingerprint
}

export interface SignonLink {
  id: string
  statementId: string
  /** 256 random bits: the capability to submit (never to approve) an outside endorsement. */
  token: string
  createdBy: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
}
