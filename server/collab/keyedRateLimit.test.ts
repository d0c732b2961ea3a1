import { describe, expect, it } from 'vitest'
import { KeyedRateLimit } from './keyedRateLimit.js'

describe('KeyedRateLimit', () => {
  it('gives every key its own bucket', () => {
    let now = 0
    const limit = new KeyedRateLimit(2, 1, () => now)
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false])
    expect(limit.take('b')).toBe(true)
    now += 1000
    expect([limit.take('a'), limit.take('a')]).toEqual([true, false])
  })

  it('forgets keys that have been idle long enough to be full again', () => {
    let now = 0
    const limit = new KeyedRateLimit(60, 1, () => now)
    for (let i = 0; i < 100; i += 1) limit.take(`client-${i}`)
    expect(limit.size).toBe(100)
    now += 59_999
    limit.take('client-0')
    expect(limit.size).toBe(100)
    now += 1
    limit.take('client-0')
    // Swept once a full refill has passed: only the key used within the window stays.
    expect(limit.size).toBe(1)
  })
})
