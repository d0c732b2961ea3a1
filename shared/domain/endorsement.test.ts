import { describe, expect, it } from 'vitest'
import { isActive, isStale } from './endorsement.js'

describe('isStale', () => {
  const a = `sha256:${'a'.repeat(64)}`
  const b = `sha256:${'b'.repeat(64)}`
  it('is fresh when given for the text locked now', () => expect(isStale({ fingerprint: a }, a)).toBe(false))
  it('is stale when given for an earlier locked text', () => expect(isStale({ fingerprint: a }, b)).toBe(true))
  it('is not stale while nothing is locked (drafting again after an unlock)', () => expect(isStale({ fingerprint: a }, null)).toBe(false))
})

describe('isActive', () => {
  it.each([
    ['approved', true],
    ['pending', true],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('%s is active: %s', (status, expected) => expect(isActive({ status })).toBe(expected))
})
