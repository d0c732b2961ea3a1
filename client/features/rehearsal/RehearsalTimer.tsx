import { useEffect, useRef } from 'react'
import type { LimitLevel } from '../../../shared/text/speakingTime.js'
import { formatDuration } from '../../../shared/text/speakingTime.js'
import { countdownLevel, formatCountdown, isRunning, newCountdown, remainingMs } from './countdown.js'
import { useCountdown } from './useCountdown.js'

const LEVEL_WORDS: Record<LimitLevel, string> = { ok: '', near: 'Almost out of time', over: 'Over time' }

interface RehearsalTimerProps {
  /** The time to count down from; a change reaches a countdown in use only when it is reset. */
  totalSeconds: number
  /** "Speaking limit" or "Estimated time": what the countdown was set to. */
  source: string
}

/** Start, pause and reset are buttons, so the keyboard works as for any control; nothing depends on colour alone. */
export function RehearsalTimer({ totalSeconds, source }: RehearsalTimerProps) {
  const { countdown, now, start, pause, reset } = useCountdown(totalSeconds)
  const running = isRunning(countdown)
  const left = remainingMs(countdown, now)
  const level = countdownLevel(countdown, now)
  const started = running || countdown.usedMs > 0
  const newTotalMs = newCountdown(totalSeconds).totalMs
  const toggle = useRef(() => {})
  toggle.current = running ? pause : start

  // Space starts and pauses from anywhere on the page, so the speaker need not find the button while reading;
  // on a button or a field, Space keeps doing what it does there.
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== ' ' || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return
      if (event.target instanceof Element && event.target.closest('button, a, input, select, textarea, [contenteditable]')) return
      event.preventDefault()
      toggle.current()
    }
    document.addEventListener('keydown', handleKeyDown)
    return () => document.removeEventListener('keydown', handleKeyDown)
  }, [])

  return (
    <section className={`rehearsal-timer rehearsal-timer--${level}`} aria-label="Countdown" data-testid="rehearsal-timer" data-level={level} data-running={running}>
      <p className="rehearsal-timer__source">
        {source}: {formatDuration(countdown.totalMs / 1000)}
      </p>
      {/* role="timer" is not announced on every tick; the level changes below are. */}
      <p className="rehearsal-timer__clock" role="timer" aria-label={left < 0 ? 'Time over' : 'Time left'}>
        {formatCountdown(left)}
      </p>
      <p className="rehearsal-timer__level" role="status">
        {LEVEL_WORDS[level]}
      </p>
      <p className="rehearsal-timer__hint">Press Space to start or pause.</p>
      {/* The clock never jumps while in use; the speaker chooses when to take the new time. */}
      {countdown.totalMs !== newTotalMs ? <p className="rehearsal-timer__hint">Now {formatDuration(totalSeconds)}: Reset to count down from it.</p> : null}
      <div className="rehearsal-timer__actions">
        {running ? (
          <button type="button" className="button button--primary" onClick={pause}>
            Pause
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={start}>
            {started ? 'Resume' : 'Start'}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={reset}>
          Reset
        </button>
      </div>
    </section>
  )
}
