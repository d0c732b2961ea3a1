export const STATEMENT_KINDS = ['oral', 'written'] as const
export type StatementKind = (typeof STATEMENT_KINDS)[number]

/**
 * `members`: every member of the alliance can read.
 * `drafters`: confidential, only the drafting organisations (and coordinators) know it exists.
 * `working_group`: only the statement's working group (its member organisations and chairs) and coordinators.
 */
export const VISIBILITIES = ['members', 'drafters', 'working_group'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** See shared/domain/lifecycle.ts for the transitions between them. */
export const STATEMENT_STATUSES = ['drafting', 'locked', 'closed'] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]

/** The final text as it was locked: what organisations endorse. */
export interface StatementLock {
  lockedAt: string
  lockedBy: string
  /** `sha256:<hex>` of the canonical text at the moment of locking. */
  fingerprint: string
  versionId: string
  versionNumber: number
}

export interface StatementUnlock {
  unlockedAt: string
  unlockedBy: string
  reason: string
}

export const DEFAULT_WORDS_PER_MINUTE = 120

export interface Statement {
  id: string
  title: string
  forum: string
  kind: StatementKind
  /** ISO 8601 instant, or null when none is set. */
  deadline: string | null
  wordLimit: number | null
  speakingLimitSeconds: number | null
  wordsPerMinute: number
  visibility: Visibility
  /**
   * Organisations that draft the text. With `drafters` visibility only they can see it.
   * With `members` visibility an empty list means every member organisation drafts;
   * a non-empty list makes everyone else a reader. With `working_group` visibility an
   * empty list means the whole group drafts.
   */
  draftingOrganizationIds: string[]
  /** The session the statement is for; null for statements not tied to one. */
  meetingId: string | null
  /** An item on that meeting's agenda; null without a meeting or when none is chosen. */
  agendaItemId: string | null
  /** The working group that owns the statement; required by `working_group` visibility. */
  workingGroupId: string | null
  /**
   * The organisation that submits the statement to the secretariat: its ECOSOC status sets a
   * written statement's word limit. Defaults to the creator's organisation.
   */
  submittingOrganizationId: string | null
  status: StatementStatus
  /** Set while locked or closed; null while drafting. */
  lock: StatementLock | null
  /** The most recent unlock, shown to everyone until the next lock. */
  lastUnlock: StatementUnlock | null
  closedAt: string | null
  createdBy: string
  createdAt: string
  updatedAt: string
}
