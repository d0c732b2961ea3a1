/**
 * What the versions, lifecycle, audit and sign-on routes answer: declared once,
 * here, so the server's services return exactly what the client reads.
 */
import type { AuditEntry } from '../domain/audit.js'
import type { Endorsement, SignonLink } from '../domain/endorsement.js'
import type { Statement, StatementStatus } from '../domain/statement.js'
import type { Version } from '../domain/version.js'
import type { DuplicateReason } from '../signoff/duplicates.js'
import type { TextDiff } from '../text/wordDiff.js'

export interface VersionDto extends Version {
  createdByName: string | null
  authorNames: string[]
  organizationNames: string[]
}

export interface VersionWithContentDto extends VersionDto {
  /** `json` is ProseMirror JSON of the statement schema; `text` the canonical text; `html` rendered by the server. */
  content: { text: string; html: string; json: unknown }
}

/** `to` of a comparison: a version id, or the text as it is now. */
export const CURRENT_TEXT = 'current'

export interface DiffDto extends TextDiff {
  from: { versionId: string; number: number }
  to: { versionId: string; number: number } | { versionId: typeof CURRENT_TEXT }
}

export interface LockResultDto {
  status: 'locked'
  fingerprint: string
  version: Pick<VersionDto, 'id' | 'number' | 'label' | 'createdAt' | 'fingerprint' | 'wordCount'>
}

export interface FingerprintDto {
  /** Of the current text. */
  fingerprint: string
  wordCount: number
  status: StatementStatus
  /** Of the locked text while locked or closed. */
  lockedFingerprint: string | null
}

export interface AuditEntryDto extends AuditEntry {
  /** The actor's name at the time of reading; null for the system or an account that no longer exists. */
  actorName: string | null
}

/** What coordinators and the endorsing organisation see. */
export interface EndorsementDto extends Endorsement {
  /** Given for an earlier locked text than the current one. */
  stale: boolean
  /** For coordinators, on pending outside endorsements: why this may be someone already on the list. */
  duplicateReasons: DuplicateReason[]
}

/** What members see of other organisations' endorsements: the organisation, never the person or contact details. */
export interface PublicEndorsementDto {
  id: string
  source: Endorsement['source']
  organization: Pick<Endorsement['organization'], 'name' | 'country' | 'ecosocStatus' | 'website'>
  confirmedAt: string
  stale: boolean
}

export interface EndorsementCountsDto {
  /** Approved endorsements of the current locked text, confidential ones included. */
  current: number
  confidential: number
  /** Approved, but for an earlier text. */
  stale: number
  /** Outside organisations waiting for a coordinator; always 0 for members. */
  pending: number
}

export interface EndorsementListDto {
  /** Coordinators and admins get every endorsement in full; members the public view of approved, named ones. */
  endorsements: (EndorsementDto | PublicEndorsementDto)[]
  /** The caller's organisation's active endorsement, in full; null if none. */
  mine: EndorsementDto | null
  counts: EndorsementCountsDto
}

export interface SignonLinkDto extends SignonLink {
  url: string
  /** Neither revoked nor expired. */
  active: boolean
}

/** The final text as it was locked, as sign-on, exports and verification show it. */
export interface LockedTextDto {
  title: string
  forum: string
  kind: Statement['kind']
  versionNumber: number
  lockedAt: string
  fingerprint: string
  /** Canonical text, one block per line: what the fingerprint is of. */
  text: string
  html: string
}

export interface PublicSignonDto {
  statement: LockedTextDto
  expiresAt: string
}
