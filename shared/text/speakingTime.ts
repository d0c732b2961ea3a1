import { DEFAULT_WORDS_PER_MINUTE } from '../domain/statement.js'

/** Estimated seconds to read `words` aloud at `wordsPerMinute`, rounded up to a whole second. */
export function speakingSeconds(words: number, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): number {
  if (words <= 0) return 0
  if (!(wordsPerMinute > 0)) throw new RangeError(`wordsPerMinute must be positive, got ${wordsPerMinute}`)
  return Math.ceil((words * 60) / wordsPerMinute)
}

/** "2:05" for 125 seconds. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}

export type LimitLevel = 'ok' | 'near' | 'over'

/** Amber from 90 % of a limit, red above it. No limit is always ok. */
export function limitLevel(value: number, limit: number | null): LimitLevel {
  if (limit === null || limit <= 0) return 'ok'
  if (value > limit) return 'over'
  if (value >= limit * 0.9) return 'near'
  return 'ok'
}
