import { formatDuration, limitLevel, type LimitLevel } from '../../../shared/text/speakingTime.js'

const numberFormat = new Intl.NumberFormat('en-GB')

export interface LimitReading {
  level: LimitLevel
  text: string
}

const LEVEL_SUFFIX: Record<LimitLevel, string> = { ok: '', near: ' — near the limit', over: ' — over the limit' }

/** "1,620 / 1,500 words — over the limit": the level is in the words, not only in the colour. */
export function wordsReading(words: number, limit: number | null): LimitReading {
  const level = limitLevel(words, limit)
  const unit = (limit ?? words) === 1 ? 'word' : 'words'
  const value = limit === null ? `${numberFormat.format(words)} ${unit}` : `${numberFormat.format(words)} / ${numberFormat.format(limit)} ${unit}`
  return { level, text: value + LEVEL_SUFFIX[level] }
}

/** "About 3:15 / 3:00 speaking time — over the limit". */
export function speakingReading(seconds: number, limit: number | null): LimitReading {
  const level = limitLevel(seconds, limit)
  const value = limit === null ? formatDuration(seconds) : `${formatDuration(seconds)} / ${formatDuration(limit)}`
  return { level, text: `About ${value} speaking time${LEVEL_SUFFIX[level]}` }
}
