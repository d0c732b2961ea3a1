import { describe, expect, it } from 'vitest'
import { formatMeetingDates } from './meetingDates.js'

describe('formatMeetingDates', () => {
  it('writes the shortest unambiguous range', () => {
    expect(formatMeetingDates('2026-05-12', '2026-05-12')).toBe('12 May 2026')
    expect(formatMeetingDates('2026-05-12', '2026-05-16')).toBe('12–16 May 2026')
    expect(formatMeetingDates('2026-04-28', '2026-05-02')).toBe('28 Apr – 2 May 2026')
    expect(formatMeetingDates('2026-12-29', '2027-01-02')).toBe('29 Dec 2026 – 2 Jan 2027')
  })

  it('shows what it cannot read as it is', () => {
    expect(formatMeetingDates('soon', '2026-05-12')).toBe('soon – 2026-05-12')
  })
})
