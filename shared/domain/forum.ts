import type { EcosocStatus } from './organization.js'

/** What an oral statement in this forum may last. */
export interface OralPreset {
  /** The usual slot, e.g. 180 at the CCPCJ. Null when the forum sets none. */
  speakingLimitSeconds: number | null
  /** A shorter slot in general debates (90 at the Human Rights Council); null means the usual slot applies. */
  generalDebateSpeakingLimitSeconds: number | null
  wordsPerMinute: number
}

/** How long a written statement in this forum may be. */
export interface WrittenPreset {
  /** By the submitting organisation's ECOSOC status; null means no limit for that status. */
  wordLimits: Record<EcosocStatus, number | null>
  /**
   * Words of the limit that a cover page takes (about 100 at the Commission on the Status of Women),
   * so the text itself may have `wordLimit - coverPageWords`.
   */
  coverPageWords: number
}

/** Applied when a statement is created; every figure stays adjustable per statement. */
export interface ForumPresets {
  oral: OralPreset
  written: WrittenPreset
  /** Submission deadline this many days before the meeting opens; null sets no deadline. */
  deadlineDaysBeforeMeeting: number | null
}

/** A UN body or process the alliance speaks at: the CCPCJ, the Crime Congress, the Human Rights Council... */
export interface Forum {
  id: string
  name: string
  /** "CCPCJ", "HRC". */
  shortName: string
  description: string
  /** Free text: "Annual session in May, Vienna, plus intersessional meetings". */
  cadence: string
  presets: ForumPresets
  createdAt: string
  updatedAt: string
}
