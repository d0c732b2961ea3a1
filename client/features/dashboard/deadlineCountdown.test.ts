import { describe, expect, it } from 'vitest'
import { deadlineCountdown } from './deadlineCountdown.js'

const now = new Date('2026-05-01T12:00:00.000Z')
const after = (ms: number) => new Date(now.getTime() + ms).toISOString()
const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('deadlineCountdown', () => {
  it('counts whole days, rounded down', () => {
    expect(deadlineCountdown(after(3 * DAY + 5 * HOUR), now)).toEqual({ urgency: 'soon', text: 'in 3 days' })
    expect(deadlineCountdown(after(47 * HOUR), now)).toEqual({ urgency: 'soon', text: 'in 1 day' })
    expect(deadlineCountdown(after(7 * DAY), now)).toEqual({ urgency: 'soon', text: 'in 7 days' })
    expect(deadlineCountdown(after(7 * DAY + 1), now)).toEqual({ urgency: 'later', text: 'in 7 days' })
    expect(deadlineCountdown(after(30 * DAY), now)).toEqual({ urgency: 'later', text: 'in 30 days' })
  })

  it('counts hours and then minutes on the last day', () => {
    expect(deadlineCountdown(after(5 * HOUR + 59 * 60_000), now)).toEqual({ urgency: 'today', text: 'in 5 hours' })
    expect(deadlineCountdown(after(HOUR), now)).toEqual({ urgency: 'today', text: 'in 1 hour' })
    expect(deadlineCountdown(after(25 * 60_000), now)).toEqual({ urgency: 'today', text: 'in 25 minutes' })
    expect(deadlineCountdown(after(10_000), now)).toEqual({ urgency: 'today', text: 'in 1 minute' })
  })

  it('says overdue once the instant has passed', () => {
    expect(deadlineCountdown(after(-1), now)).toEqual({ urgency: 'overdue', text: 'overdue' })
    expect(deadlineCountdown(after(-40 * DAY), now)).toEqual({ urgency: 'overdue', text: 'overdue' })
    expect(deadlineCountdown(after(0), now).urgency).toBe('today')
  })

  it('has nothing to count without a deadline', () => {
    expect(deadlineCountdown(null, now)).toEqual({ urgency: 'none', text: 'no deadline' })
    expect(deadlineCountdown('not a date', now)).toEqual({ urgency: 'none', text: 'no deadline' })
  })
})
