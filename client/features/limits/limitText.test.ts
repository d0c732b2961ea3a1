import { describe, expect, it } from 'vitest'
import { speakingReading, wordsReading } from './limitText.js'

describe('wordsReading', () => {
  it('says how far over a passed limit the text is, in words', () => {
    expect(wordsReading(1640, 1500)).toEqual({ level: 'over', text: '1,640 / 1,500 words — 140 over the limit', fill: 1 })
  })

  it('turns amber from 90 % and says what is left', () => {
    expect(wordsReading(1350, 1500)).toEqual({ level: 'near', text: '1,350 / 1,500 words — near the limit, 150 left', fill: 0.9 })
    expect(wordsReading(1500, 1500)).toEqual({ level: 'near', text: '1,500 / 1,500 words — near the limit, 0 left', fill: 1 })
    expect(wordsReading(1349, 1500).level).toBe('ok')
  })

  it('stays quiet well under the limit', () => {
    expect(wordsReading(150, 1500)).toEqual({ level: 'ok', text: '150 / 1,500 words', fill: 0.1 })
  })

  it('counts without a limit and draws no bar', () => {
    expect(wordsReading(1, null)).toEqual({ level: 'ok', text: '1 word', fill: null })
    expect(wordsReading(0, null)).toEqual({ level: 'ok', text: '0 words', fill: null })
  })
})

describe('speakingReading', () => {
  it('formats minutes and seconds against the limit', () => {
    expect(speakingReading(195, 180)).toEqual({ level: 'over', text: 'About 3:15 / 3:00 speaking time — 0:15 over the limit', fill: 1 })
    expect(speakingReading(170, 180).text).toBe('About 2:50 / 3:00 speaking time — near the limit, 0:10 left')
    expect(speakingReading(30, null)).toEqual({ level: 'ok', text: 'About 0:30 speaking time', fill: null })
  })
})
