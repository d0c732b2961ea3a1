import { describe, expect, it } from 'vitest'
import { speakingReading, wordsReading } from './limitText.js'

describe('wordsReading', () => {
  it('says when a limit is passed, in words', () => {
    expect(wordsReading(1620, 1500)).toEqual({ level: 'over', text: '1,620 / 1,500 words — over the limit' })
    expect(wordsReading(1400, 1500)).toEqual({ level: 'near', text: '1,400 / 1,500 words — near the limit' })
    expect(wordsReading(10, 1500)).toEqual({ level: 'ok', text: '10 / 1,500 words' })
  })

  it('counts without a limit', () => {
    expect(wordsReading(1, null)).toEqual({ level: 'ok', text: '1 word' })
    expect(wordsReading(0, null)).toEqual({ level: 'ok', text: '0 words' })
  })
})

describe('speakingReading', () => {
  it('formats minutes and seconds against the limit', () => {
    expect(speakingReading(195, 180)).toEqual({ level: 'over', text: 'About 3:15 / 3:00 speaking time — over the limit' })
    expect(speakingReading(30, null).text).toBe('About 0:30 speaking time')
  })
})
