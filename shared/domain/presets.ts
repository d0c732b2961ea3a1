import type { ForumPresets } from './forum.js'
import type { EcosocStatus } from './organization.js'
import type { StatementKind } from './statement.js'

/** What a preset needs to know about the statement being created. */
export interface PresetContext {
  kind: StatementKind
  /** Of the organisation that submits the statement: it sets a written statement's word limit. */
  ecosocStatus: EcosocStatus
  /** Whether the agenda item is a general debate; false without an agenda item. */
  generalDebate: boolean
  /** `YYYY-MM-DD` of the meeting's first day, or null without a meeting. */
  meetingStartDate: string | null
}

/** The statement fields a preset fills in; the coordinator can change each of them afterwards. */
export interface PresetLimits {
  wordLimit: number | null
  speakingLimitSeconds: number | null
  wordsPerMinute: number
  /** ISO instant, or null. */
  deadline: string | null
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The deadline falls at the end (23:59 UTC) of the day `daysBefore` days before the meeting opens,
 * so a date-only deadline ("by 15 April") keeps its whole last day;
 * coordinators who need a sharper time set it by hand.
 */
export function deadlineBefore(meetingStartDate: string, daysBefore: number): string {
  const start = Date.parse(`${meetingStartDate}T00:00:00.000Z`)
  if (Number.isNaN(start)) throw new RangeError(`not a date: ${meetingStartDate}`)
  return new Date(start - daysBefore * DAY_MS + (DAY_MS - 60_000)).toISOString()
}

export function limitsFromPreset(presets: ForumPresets, context: PresetContext): PresetLimits {
  const deadline =
    context.meetingStartDate !== null && presets.deadlineDaysBeforeMeeting !== null
      ? deadlineBefore(context.meetingStartDate, presets.deadlineDaysBeforeMeeting)
      : null
  const wordsPerMinute = presets.oral.wordsPerMinute
  if (context.kind === 'oral') {
    const generalDebateLimit = context.generalDebate ? presets.oral.generalDebateSpeakingLimitSeconds : null
    return { wordLimit: null, speakingLimitSeconds: generalDebateLimit ?? presets.oral.speakingLimitSeconds, wordsPerMinute, deadline }
  }
  const limit = presets.written.wordLimits[context.ecosocStatus]
  const wordLimit = limit === null ? null : Math.max(1, limit - presets.written.coverPageWords)
  return { wordLimit, speakingLimitSeconds: null, wordsPerMinute, deadline }
}
