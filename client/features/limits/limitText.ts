import { formatDuration, limitLevel, type LimitLevel } from '../../../shared/text/speakingTime.js'

const numberFormat = new Intl.NumberFormat('en-GB')

export interface LimitReading {
  level: LimitLevel
  text: string
  /** How full the bar is drawn, 0–1; null without a limit (no bar). */
  fill: number | null
}

function fill(value: number, limit: number | null): number | null {
  if (limit === null || limit <= 0) return null
  return Math.min(1, Math.max(0, value / limit))
}

/** What is left or how far over, in the reading's own unit: the level is in the words, not only in the colour. */
function suffix(level: LimitLevel, left: string, over: string): string {
  if (level === 'over') return ` — ${over} over the limit`
  if (level === 'near') return ` — near the limit, ${left} left`
  return ''
}

/** "1,640 / 1,500 words — 140 over the limit", "1,400 / 1,500 words — near the limit, 100 left". */
export function wordsReading(words: number, limit: number | null): LimitReading {
  const level = limitLevel(words, limit)
  const unit = (limit ?? words) === 1 ? 'word' : 'words'
  if (limit === null) return { level, text: `${numberFormat.format(words)} ${unit}`, fill: null }
  const text = `${numberFormat.format(words)} / ${numberFormat.format(limit)} ${unit}`
  return {
    level,
    text: text + suffix(level, numberFormat.format(Math.max(0, limit - words)), numberFormat.format(words - limit)),
    fill: fill(words, limit),
  }
}

/** "About 3:15 / 3:00 speaking time — 0:15 over the limit". */
export function speakingReading(seconds: number, limit: number | null): LimitReading {
  const level = limitLevel(seconds, limit)
  if (limit === null) return { level, text: `About ${formatDuration(seconds)} speaking time`, fill: null }
  const text = `About ${formatDuration(seconds)} / ${formatDuration(limit)} speaking time`
  return {
    level,
    text: text + suffix(level, formatDuration(Math.max(0, limit - seconds)), formatDuration(seconds - limit)),
    fill: fill(seconds, limit),
  }
}
