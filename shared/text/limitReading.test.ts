import { describe, expect, it } from 'vitest'
import { readLimits } from './limitReading.js'

describe('readLimits', () => {
  const limits = (wordLimit: number | null, speakingLimitSeconds: number | null, wordsPerMinute = 100) => ({ wordLimit, speakingLimitSeconds, wordsPerMinute })

  it('reads words and speaking time against both limits, amber from 90 % and red above', () => {
    expect(readLimits(269, limits(null, 180))).toEqual({ words: 269, speakingSeconds: 162, wordLimit: null, speakingLimitSeconds: 180, level: 'near' })
    expect(readLimits(200, limits(null, 180)).level).toBe('ok')
    expect(readLimits(300, limits(null, 180)).level).toBe('near')
    expect(readLimits(301, limits(null, 180)).level).toBe('over')
    expect(readLimits(1350, limits(1500, null)).level).toBe('near')
    expect(readLimits(1501, limits(1500, null)).level).toBe('over')
    expect(readLimits(5000, limits(null, null)).level).toBe('ok')
  })

  it('takes the worse of the two levels', () => {
    expect(readLimits(301, limits(1000, 180)).level).toBe('over')
    expect(readLimits(950, limits(1000, 3600)).level).toBe('near')
    expect(readLimits(0, limits(1000, 180))).toMatchObject({ speakingSeconds: 0, level: 'ok' })
  })
})
