import type { LimitReadingDto } from '../../../shared/api/dashboard.js'
import type { LimitLevel } from '../../../shared/text/speakingTime.js'
import { speakingReading, wordsReading, type LimitReading } from './limitText.js'
import '../../styles/limits.css'

const SEVERITY: Record<LimitLevel, number> = { ok: 0, near: 1, over: 2 }

export type LimitMeterReading = Omit<LimitReadingDto, 'level'>

interface LimitMeterProps {
  reading: LimitMeterReading
  /**
   * `full` in the editor: both lines, and a screen-reader announcement when a level changes.
   * `compact` in lists: only the lines that have a limit (the word count when neither has).
   */
  variant?: 'full' | 'compact'
}

/**
 * Words and estimated speaking time against the statement's limits: a bar and the numbers,
 * amber from 90 %, red over. The level is also said in words, never by colour alone.
 */
export function LimitMeter({ reading, variant = 'full' }: LimitMeterProps) {
  const words = wordsReading(reading.words, reading.wordLimit)
  const speaking = speakingReading(reading.speakingSeconds, reading.speakingLimitSeconds)
  const level = SEVERITY[speaking.level] > SEVERITY[words.level] ? speaking.level : words.level
  const compact = variant === 'compact'
  const noLimit = reading.wordLimit === null && reading.speakingLimitSeconds === null
  const showWords = !compact || reading.wordLimit !== null || noLimit
  const showSpeaking = !compact || reading.speakingLimitSeconds !== null
  return (
    <div className={`limit-meter limit-meter--${variant}`} data-testid="limit-meter" data-level={level}>
      {showWords ? (
        <MeterLine line={words} label="Words" value={reading.words} max={reading.wordLimit} testId="word-count" words={reading.words} />
      ) : null}
      {showSpeaking ? (
        <MeterLine line={speaking} label="Speaking time" value={reading.speakingSeconds} max={reading.speakingLimitSeconds} testId="speaking-time" />
      ) : null}
      {compact ? null : (
        // Announces only when a level changes, not on every keystroke.
        <span className="visually-hidden" role="status">
          {levelAnnouncement('word', words.level)} {levelAnnouncement('speaking-time', speaking.level)}
        </span>
      )}
    </div>
  )
}

interface MeterLineProps {
  line: LimitReading
  label: string
  value: number
  max: number | null
  testId: string
  words?: number
}

function MeterLine({ line, label, value, max, testId, words }: MeterLineProps) {
  return (
    <div className={`limit limit--${line.level}`} data-testid={testId} data-level={line.level} data-words={words}>
      {line.fill !== null && max !== null ? (
        <span
          className="limit__bar"
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={max}
          aria-valuenow={Math.min(value, max)}
          aria-valuetext={line.text}
        >
          <span className="limit__fill" style={{ width: `${(line.fill * 100).toFixed(1)}%` }} />
        </span>
      ) : null}
      <span className="limit__text">{line.text}</span>
    </div>
  )
}

function levelAnnouncement(limit: string, level: LimitLevel): string {
  if (level === 'near') return `Near the ${limit} limit.`
  if (level === 'over') return `Over the ${limit} limit.`
  return ''
}
