import type { LimitLevel } from '../../../shared/text/speakingTime.js'
import { speakingSeconds } from '../../../shared/text/speakingTime.js'
import { speakingReading, wordsReading } from './limitText.js'

interface WordCountProps {
  words: number
  wordLimit: number | null
  speakingLimitSeconds: number | null
  wordsPerMinute: number
}

const TONE: Record<LimitLevel, string> = { ok: 'limit--ok', near: 'limit--near', over: 'limit--over' }

export function WordCount({ words, wordLimit, speakingLimitSeconds, wordsPerMinute }: WordCountProps) {
  const wordsLine = wordsReading(words, wordLimit)
  const speakingLine = speakingReading(speakingSeconds(words, wordsPerMinute), speakingLimitSeconds)
  return (
    <div className="word-count">
      <span className={`limit ${TONE[wordsLine.level]}`} data-testid="word-count" data-words={words} data-level={wordsLine.level}>
        {wordsLine.text}
      </span>
      <span className={`limit ${TONE[speakingLine.level]}`} data-testid="speaking-time" data-level={speakingLine.level}>
        {speakingLine.text}
      </span>
      {/* Announces only when a level changes, not on every keystroke. */}
      <span className="visually-hidden" role="status">
        {levelAnnouncement('word', wordsLine.level)} {levelAnnouncement('speaking-time', speakingLine.level)}
      </span>
    </div>
  )
}

function levelAnnouncement(limit: string, level: LimitLevel): string {
  if (level === 'near') return `Near the ${limit} limit.`
  if (level === 'over') return `Over the ${limit} limit.`
  return ''
}
