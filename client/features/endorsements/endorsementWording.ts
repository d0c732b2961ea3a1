import type { EndorsementSource, EndorsementStatus } from '../../../shared/domain/endorsement.js'
import type { DuplicateReason } from '../../../shared/signoff/duplicates.js'
import { isApiError } from '../../http/ApiError.js'
import type { EndorsementCountsDto, EndorsementDto } from '../../http/endorsements.js'
import type { SignoffFormat, SignoffOrder } from '../../http/signoff.js'
import type { BadgeTone } from '../../ui/Badge.js'
import { describeError } from '../../ui/Feedback.js'

/** 409 answers of the endorsement routes: the statement or the endorsement moved on under the person. */
const ENDORSEMENT_CONFLICTS: Partial<Record<string, string>> = {
  already_endorsed: 'Your organisation has already endorsed this statement: someone else from it may have just signed.',
  statement_not_locked: 'The statement is not locked any more: a coordinator unlocked it, so there is no final text to endorse right now.',
  statement_closed: 'Sign-on is closed: the statement has been submitted and endorsements can no longer change.',
  endorsement_inactive: 'This endorsement was already withdrawn or rejected.',
  endorsement_not_pending: 'Someone has already approved or rejected this endorsement.',
}

export function endorsementErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    const conflict = ENDORSEMENT_CONFLICTS[error.code]
    if (conflict) return conflict
  }
  return describeError(error)
}

/** The answers after which the page's copy of the statement is out of date. */
export function isLifecycleConflict(error: unknown): boolean {
  return isApiError(error, 'statement_not_locked') || isApiError(error, 'statement_closed')
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "12 organisations, 3 confidential": everyone who endorsed the current text, named or not. */
export function countsSummary(counts: Pick<EndorsementCountsDto, 'current' | 'confidential'>): string {
  return `${plural(counts.current, 'organisation', 'organisations')}, ${counts.confidential} confidential`
}

/** What the headline leaves out: endorsements of an earlier text, and (for coordinators) those waiting for a decision. */
export function countsDetails(counts: EndorsementCountsDto): string[] {
  return [
    counts.stale > 0 ? `${plural(counts.stale, 'endorsement', 'endorsements')} of an earlier text, not counted until re-confirmed` : null,
    counts.pending > 0 ? `${plural(counts.pending, 'outside organisation', 'outside organisations')} waiting for approval` : null,
  ].filter((detail): detail is string => detail !== null)
}

const DUPLICATE_WARNINGS: Record<DuplicateReason, string> = {
  same_name: 'Possible duplicate: same name',
  same_email_domain: 'Possible duplicate: same e-mail domain',
  member_organization: 'Possible duplicate: a member organisation',
}

export const duplicateWarning = (reason: DuplicateReason): string => DUPLICATE_WARNINGS[reason] ?? `Possible duplicate: ${String(reason)}`

const STATUS_BADGES: Record<EndorsementStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral' },
}

export const statusBadge = (status: EndorsementStatus) => STATUS_BADGES[status]

const SOURCE_LABELS: Record<EndorsementSource, string> = { member: 'Member', external: 'Outside' }
export const sourceLabel = (source: EndorsementSource) => SOURCE_LABELS[source]

const REVIEW_ORDER: Record<EndorsementStatus, number> = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 }

/**
 * Coordinators' order: what waits for them first, then the list as it stands, then
 * what no longer counts; oldest first within each, as they arrived.
 */
export function sortForReview(endorsements: readonly EndorsementDto[]): EndorsementDto[] {
  return [...endorsements].sort(
    (a, b) => REVIEW_ORDER[a.status] - REVIEW_ORDER[b.status] || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  )
}

export const SIGNOFF_FORMAT_LABELS: Record<SignoffFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  html: 'Printable page (HTML)',
}

export const SIGNOFF_ORDER_LABELS: Record<SignoffOrder, string> = {
  name: 'Alphabetical',
  country: 'By country',
  status: 'By ECOSOC status',
  date: 'By date',
}
