import { describe, expect, it } from 'vitest'
import type { ForumPresets } from './forum.js'
import { DEFAULT_FORUM_PRESETS, FORUM_CATALOGUE } from './forumCatalogue.js'
import { deadlineBefore, limitsFromPreset, type PresetContext } from './presets.js'

function seeded(seedKey: string): ForumPresets {
  const seed = FORUM_CATALOGUE.find((forum) => forum.seedKey === seedKey)
  if (!seed) throw new Error(`no seed ${seedKey}`)
  return seed.presets
}

const oral: PresetContext = { kind: 'oral', ecosocStatus: 'special', generalDebate: false, meetingStartDate: null }
const written: PresetContext = { ...oral, kind: 'written' }

describe('limitsFromPreset', () => {
  it('gives an oral statement at the CCPCJ three minutes at 100 words a minute (about 300 words) and no word limit', () => {
    const limits = limitsFromPreset(seeded('ccpcj'), oral)
    expect(limits).toEqual({ wordLimit: null, speakingLimitSeconds: 180, wordsPerMinute: 100, deadline: null })
    expect((limits.speakingLimitSeconds ?? 0) * (limits.wordsPerMinute / 60)).toBe(300)
  })

  it('shortens the slot in a general debate of the Human Rights Council, and only there', () => {
    expect(limitsFromPreset(seeded('hrc'), oral).speakingLimitSeconds).toBe(120)
    expect(limitsFromPreset(seeded('hrc'), { ...oral, generalDebate: true }).speakingLimitSeconds).toBe(90)
    // The CCPCJ sets no shorter general-debate slot: the usual one applies.
    expect(limitsFromPreset(seeded('ccpcj'), { ...oral, generalDebate: true }).speakingLimitSeconds).toBe(180)
  })

  it.each([
    ['ccpcj', 'general', 2000],
    ['ccpcj', 'special', 1500],
    ['ccpcj', 'roster', 1500],
    ['ccpcj', 'none', null],
    ['hrc', 'general', 2000],
    ['hrc', 'special', 1500],
    ['hrc', 'roster', 1500],
    ['csw', 'general', 1900],
    ['csw', 'special', 1400],
    ['csw', 'none', null],
  ] as const)('limits a written statement at %s by %s status to %s words (the cover page counted)', (forum, ecosocStatus, wordLimit) => {
    const limits = limitsFromPreset(seeded(forum), { ...written, ecosocStatus })
    expect(limits.wordLimit).toBe(wordLimit)
    expect(limits.speakingLimitSeconds).toBeNull()
  })

  it('never leaves less than one word when the cover page takes the whole limit', () => {
    const presets: ForumPresets = { ...DEFAULT_FORUM_PRESETS, written: { wordLimits: { general: 100, special: 80, roster: 80, none: null }, coverPageWords: 100 } }
    expect(limitsFromPreset(presets, { ...written, ecosocStatus: 'general' }).wordLimit).toBe(1)
    expect(limitsFromPreset(presets, { ...written, ecosocStatus: 'special' }).wordLimit).toBe(1)
  })

  it('sets the deadline from the meeting\'s first day, and none without a meeting or without a preset', () => {
    expect(limitsFromPreset(seeded('ccpcj'), { ...oral, meetingStartDate: '2026-05-18' }).deadline).toBe('2026-04-18T23:59:00.000Z')
    expect(limitsFromPreset(seeded('ccpcj'), oral).deadline).toBeNull()
    const noDeadline: ForumPresets = { ...DEFAULT_FORUM_PRESETS, deadlineDaysBeforeMeeting: null }
    expect(limitsFromPreset(noDeadline, { ...written, meetingStartDate: '2026-05-18' }).deadline).toBeNull()
  })

  it('gives every seeded forum positive figures and the ECOSOC word limits or none', () => {
    for (const { seedKey, presets } of FORUM_CATALOGUE) {
      expect(presets.oral.wordsPerMinute, seedKey).toBeGreaterThan(0)
      expect(presets.oral.speakingLimitSeconds === null || presets.oral.speakingLimitSeconds > 0, seedKey).toBe(true)
      for (const limit of Object.values(presets.written.wordLimits)) expect(limit === null || limit > presets.written.coverPageWords, seedKey).toBe(true)
    }
    expect(new Set(FORUM_CATALOGUE.map((forum) => forum.seedKey)).size).toBe(FORUM_CATALOGUE.length)
  })
})

describe('deadlineBefore', () => {
  it.each([
    ['2026-05-18', 30, '2026-04-18T23:59:00.000Z', 'within a year'],
    ['2026-05-18', 0, '2026-05-18T23:59:00.000Z', 'the opening day itself'],
    ['2026-03-01', 1, '2026-02-28T23:59:00.000Z', 'back over the end of February'],
    ['2028-03-01', 1, '2028-02-29T23:59:00.000Z', 'into a leap day'],
    ['2027-01-10', 14, '2026-12-27T23:59:00.000Z', 'back over the end of the year'],
    ['2027-03-08', 120, '2026-11-08T23:59:00.000Z', 'four months back into the previous year'],
    ['2026-03-30', 1, '2026-03-29T23:59:00.000Z', 'across the European clock change, in UTC'],
  ])('%s minus %i days is %s (%s)', (start, days, expected) => {
    expect(deadlineBefore(start, days)).toBe(expected)
  })

  it('refuses what is not a date', () => {
    expect(() => deadlineBefore('18 May 2026', 30)).toThrow(RangeError)
  })
})
