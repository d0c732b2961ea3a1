import { describe, expect, it } from 'vitest'
import { DEFAULT_FORUM_PRESETS, FORUM_CATALOGUE } from '../../../../shared/domain/forumCatalogue.js'
import { forumFieldErrors, forumFormValues, parseForumForm } from './forumFormValues.js'

const hrc = FORUM_CATALOGUE.find((seed) => seed.seedKey === 'hrc')!
const forum = { ...hrc, id: 'f1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }

describe('forum form', () => {
  it('round-trips a forum’s presets through the inputs', () => {
    const result = parseForumForm(forumFormValues(forum))
    expect(result).toEqual({ ok: true, body: { name: hrc.name, shortName: 'HRC', description: hrc.description, cadence: hrc.cadence, presets: hrc.presets } })
  })

  it('starts a new forum from the default presets', () => {
    const values = forumFormValues()
    expect(values.speakingLimit).toBe('180')
    const result = parseForumForm({ ...values, name: 'Conference', shortName: 'CONF' })
    expect(result.ok && result.body.presets).toEqual(DEFAULT_FORUM_PRESETS)
  })

  it('reads minutes:seconds, thousands separators and empty as none', () => {
    const values = { ...forumFormValues(forum), speakingLimit: '2:30', generalDebateLimit: '', deadlineDays: '' }
    values.wordLimits = { ...values.wordLimits, general: '2,500', none: '' }
    const result = parseForumForm(values)
    expect(result.ok && result.body.presets).toMatchObject({
      oral: { speakingLimitSeconds: 150, generalDebateSpeakingLimitSeconds: null },
      written: { wordLimits: { general: 2500, none: null } },
      deadlineDaysBeforeMeeting: null,
    })
  })

  it('names the field of each unreadable or out-of-range figure', () => {
    const values = { ...forumFormValues(forum), name: '', speakingLimit: 'three minutes', wordsPerMinute: '10', deadlineDays: '400' }
    values.wordLimits = { ...values.wordLimits, special: 'many' }
    const result = parseForumForm(values)
    expect(result.ok).toBe(false)
    expect(result.ok ? {} : Object.keys(result.errors).sort()).toEqual(['deadlineDays', 'name', 'speakingLimit', 'wordLimit.special', 'wordsPerMinute'])
  })

  it('maps the server’s issue paths inside presets to the fields', () => {
    expect(forumFieldErrors([{ path: ['presets', 'written', 'wordLimits', 'roster'], code: 'too_small', origin: 'number', minimum: 1 }])).toEqual({
      'wordLimit.roster': 'Must be at least 1',
    })
    expect(forumFieldErrors([{ path: ['shortName'], message: 'taken' }])).toEqual({ shortName: 'Taken' })
  })
})
