import { describe, expect, it } from 'vitest'
import { TokenBucket } from './tokenBucket.js'

describe('TokenBucket', () => {
  it('allows a burst of its capacity, then refills at its rate', () => {
    let now = 0
    const bucket = new TokenBucket(3, 2, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    now += 499
    expect(bucket.take()).toBe(false)
    now += 1
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('never holds more than its capacity however long it idles', () => {
    let now = 0
    const bucket = new TokenBucket(2, 100, () => now)
    now += 3_600_000
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false])
  })

  it('charges a cost of several tokens, and refuses one larger than what is left without charging it', () => {
    let now = 0
    const bucket = new TokenBucket(100, 10, () => now)
    expect(bucket.take(60)).toBe(true)
    expect(bucket.take(50)).toBe(false)
    expect(bucket.take(40)).toBe(true)
    now += 1000
    expect([bucket.take(11), bucket.take(10)]).toEqual([false, true])
  })

  it('ignores a clock that goes backwards', () => {
    let now = 1000
    const bucket = new TokenBucket(1, 1, () => now)
    expect(bucket.take()).toBe(true)
    now = 0
    expect(bucket.take()).toBe(false)
  })
})
