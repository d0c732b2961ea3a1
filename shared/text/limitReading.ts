import type { LimitReadingDto } from '../api/dashboard.js'
import type { Statement } from '../domain/statement.js'
import { limitLevel, speakingSeconds, type LimitLevel } from './speakingTime.js'

const SEVERITY: Record<LimitLevel, number> = { ok: 0, near: 1, over: 2 }

/** A statement's length against both of its limits; the level is the worse of the two. */
export function readLimits(words: number, statement: Pick<Statement, 'wordLimit' | 'speakingLimitSeconds' | 'wordsPerMinute'>): LimitReadingDto {
  const seconds = speakingSeconds(words, statement.wordsPerMinute)
  const byWords = limitLevel(words, statement.wordLimit)
  const byTime = limitLevel(seconds, statement.speakingLimitSeconds)
  return {
    words,
    speakingSeconds: seconds,
    wordLimit: statement.wordLimit,
    speakingLimitSeconds: statement.speakingLimitSeconds,
    level: SEVERITY[byTime] > SEVERITY[byWords] ? byTime : byWords,
  }
}
