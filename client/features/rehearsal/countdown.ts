import type { LimitLevel } from '../../../shared/text/speakingTime.js'

/**
 * The rehearsal countdown as data: time runs only while `startedAt` is set, so a pause
 * keeps what was used and a reset gives it all back. Every function takes `now`
 * (milliseconds), so the arithmetic is tested without a clock.
 */
export interface Countdown {
  totalMs: number
  /** Time used in earlier runs, before the last pause. */
  usedMs: number
  /** When the current run started; null while paused or before the first start. */
  startedAt: number | null
}

export function newCountdown(totalSeconds: number): Countdown {
  return { totalMs: Math.max(0, totalSeconds) * 1000, usedMs: 0, startedAt: null }
}

export const isRunning = (countdown: Countdown) => countdown.startedAt !== null

export function start(countdown: Countdown, now: number): Countdown {
  return countdown.startedAt === null ? { ...countdown, startedAt: now } : countdown
}

export function pause(countdown: Countdown, now: number): Countdown {
  if (countdown.startedAt === null) return countdown
  return { ...countdown, usedMs: countdown.usedMs + Math.max(0, now - countdown.startedAt), startedAt: null }
}

/** Stops and gives all the time back; with `totalSeconds`, the fresh countdown runs from that. */
export function reset(countdown: Countdown, totalSeconds?: number): Countdown {
  return totalSeconds === undefined ? { ...countdown, usedMs: 0, startedAt: null } : newCountdown(totalSeconds)
}

/** A countdown nobody has started yet (or that was reset): it may take a new total without losing anything. */
export const isUntouched = (countdown: Countdown) => countdown.startedAt === null && countdown.usedMs === 0

/**
 * The total changed under the countdown (the text grew, so its estimated time did; the
 * coordinator changed the limit). An untouched countdown takes the new total; one that
 * has run keeps its own, so the speaker's clock never jumps mid-rehearsal; Reset takes
 * the new total then.
 */
export function retarget(countdown: Countdown, totalSeconds: number): Countdown {
  if (!isUntouched(countdown)) return countdown
  const fresh = newCountdown(totalSeconds)
  return fresh.totalMs === countdown.totalMs ? countdown : fresh
}

/** Milliseconds left; negative once the speaker runs over. */
export function remainingMs(countdown: Countdown, now: number): number {
  const running = countdown.startedAt === null ? 0 : Math.max(0, now - countdown.startedAt)
  return countdown.totalMs - countdown.usedMs - running
}

/** Amber in the last tenth (as the limit meter from 90 %), red once past zero. */
export function countdownLevel(countdown: Countdown, now: number): LimitLevel {
  const left = remainingMs(countdown, now)
  if (left < 0) return 'over'
  if (countdown.totalMs > 0 && left <= countdown.totalMs * 0.1) return 'near'
  return 'ok'
}

/**
 * "2:05" while time is left (whole seconds rounded up, so the clock shows 0:00 only at zero),
 * "−0:12" once over (U+2212, rounded down, so it turns negative the first full second past zero).
 */
export function formatCountdown(ms: number): string {
  const over = ms < 0
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000)
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
  return over && seconds > 0 ? `\u2212${text}` : text
}
