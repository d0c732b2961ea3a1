export const STATEMENT_KINDS = ['oral', 'written'] as const
export type StatementKind = (typeof STATEMENT_KINDS)[number]

/**
 * `members`: every member of the alliance can read.
 * `drafters`: confidential, only the drafting organisations (and coordinators) know it exists.
 */
export const VISIBILITIES = ['members', 'drafters'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** Later issues add `locked` and `closed`; the lifecycle lives in shared/domain/lifecycle.ts then. */
export const STATEMENT_STATUSES = ['drafting'] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]

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
   * a non-empty list makes everyone else a reader.
   */
  draftingOrganizationIds: string[]
  status: StatementStatus
  createdBy: string
  createdAt: string
  updatedAt: string
}
