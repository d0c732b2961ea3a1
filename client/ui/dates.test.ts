import { describe, expect, it } from 'vitest'
import { formatRelative, isPast } from './dates.js'

const now = new Date('2025-05-20T12:00:00Z')

describe('formatRelative', () => {
  it.each([
    ['2025-05-23T12:00:00Z', 'in 3 days'],
    ['2025-05-21T12:00:00Z', 'tomorrow'],
    ['2025-05-20T15:00:00Z', 'in 3 hours'],
    ['2025-05-18T12:00:00Z', '2 days ago'],
    ['2025-05-20T12:00:20Z', 'in less than a minute'],
    ['2025-06-10T12:00:00Z', 'in 3 weeks'],
  ])('%s is %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected)
  })

  it('says nothing about a date it cannot read', () => {
    expect(formatRelative('soon', now)).toBe('')
  })
})

describe('isPast', () => {
  it('compares instants, not local dates', () => {
    expect(isPast('2025-05-20T11:59:59Z', now)).toBe(true)
    expect(isPast('2025-05-20T14:00:00+02:00', now)).toBe(false)
  })
})
