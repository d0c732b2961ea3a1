import type { AgendaItem, Meeting } from '../domain/meeting.js'
import type { Forum } from '../domain/forum.js'
import type { LimitLevel } from '../text/speakingTime.js'
import type { StatementDto } from './dto.js'

/** A statement's length against its limits, as the meter shows it. */
export interface LimitReadingDto {
  words: number
  speakingSeconds: number
  wordLimit: number | null
  speakingLimitSeconds: number | null
  /** The worse of the two levels: amber (`near`) from 90 %, red (`over`) above a limit. */
  level: LimitLevel
}

export interface DashboardStatementDto {
  statement: StatementDto
  limit: LimitReadingDto
  /** Endorsements that count (confirmed and approved), as the sign-off list would show them. */
  endorsementCount: number
}

export interface DashboardMeetingDto {
  meeting: Meeting
  forum: Pick<Forum, 'id' | 'name' | 'shortName'>
  agendaItems: AgendaItem[]
  /** Statements the caller may see, attached to this meeting, by deadline. */
  statements: DashboardStatementDto[]
}

export type NeedsActionReason = 'deadline_soon' | 'not_endorsed'

export interface NeedsActionDto {
  reason: NeedsActionReason
  item: DashboardStatementDto
}

/** GET /api/dashboard: the caller's home page. */
export interface DashboardDto {
  /** Meetings whose end date is today or later, soonest first. */
  upcomingMeetings: DashboardMeetingDto[]
  /** Statements the caller may see that belong to no upcoming meeting and are not closed. */
  otherStatements: DashboardStatementDto[]
  /**
   * `deadline_soon`: statements the caller may edit whose deadline is within 7 days (and not past);
   * `not_endorsed`: locked statements the caller can read for which their organisation has no endorsement
   * yet (none confirmed, pending or approved).
   */
  needsMyAction: NeedsActionDto[]
}
