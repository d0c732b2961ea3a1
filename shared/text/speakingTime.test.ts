import { describe, expect, it } from 'vitest'
import { formatDuration, limitLevel, speakingSeconds } from './speakingTime.js'

describe('speakingSeconds', () => {
  it('reads 120 words in a minute at the default pace', () => expect(speakingSeconds(120)).toBe(60))
  it('rounds up to a whole second', () => expect(speakingSeconds(121, 120)).toBe(61))
  it('is zero for no words', () => expect(speakingSeconds(0, 120)).toBe(0))
  it('follows the statement pace', () => expect(speakingSeconds(300, 100)).toBe(180))
  it('refuses a non-positive pace', () => expect(() => speakingSeconds(10, 0)).toThrow(RangeError))
})

describe('formatDuration', () => {
  it.each([[0, '0:00'], [59, '0:59'], [60, '1:00'], [125, '2:05'], [3600, '60:00']])('%i s is %s', (s, text) => {
    expect(formatDuration(s)).toBe(text)
  })
})

describe('limitLevel', () => {
  it('is ok without a limit', () => expect(limitLevel(5000, null)).toBe('ok'))
  it('is ok below 90 %', () => expect(limitLevel(269, 300)).toBe('ok'))
  it('is near from 90 %', () => expect(limitLevel(270, 300)).toBe('near'))
  it('is near at the limit', () => expect(limitLevel(300, 300)).toBe('near'))
  it('is over above the limit', () => expect(limitLevel(301, 300)).toBe('over'))
})
