import { describe, expect, it } from 'vitest'
import type { OrganizationDto } from '../../../shared/api/dto.js'
import type { Forum } from '../../../shared/domain/forum.js'
import { FORUM_CATALOGUE } from '../../../shared/domain/forumCatalogue.js'
import type { AgendaItem, Meeting } from '../../../shared/domain/meeting.js'
import { isoToLocalInput } from './deadlineInput.js'
import { applyPreset, presetPreview, withMeeting, type StatementContextOptions } from './presetPrefill.js'
import { emptyStatementForm } from './statementFormValues.js'

const at = '2026-01-01T00:00:00.000Z'
const hrc = FORUM_CATALOGUE.find((seed) => seed.seedKey === 'hrc')!
const csw = FORUM_CATALOGUE.find((seed) => seed.seedKey === 'csw')!
const forums: Forum[] = [
  { ...hrc, id: 'f-hrc', createdAt: at, updatedAt: at },
  { ...csw, id: 'f-csw', createdAt: at, updatedAt: at },
]
const meetings: Meeting[] = [
  { id: 'm-hrc', forumId: 'f-hrc', name: 'HRC 62', startDate: '2026-06-15', endDate: '2026-07-10', venue: 'Geneva', createdAt: at, updatedAt: at },
  { id: 'm-csw', forumId: 'f-csw', name: 'CSW 71', startDate: '2027-03-08', endDate: '2027-03-19', venue: 'New York', createdAt: at, updatedAt: at },
]
const agendaItems: AgendaItem[] = [
  { id: 'a-gd', meetingId: 'm-hrc', number: '4', title: 'General debate', generalDebate: true, createdAt: at },
  { id: 'a-id', meetingId: 'm-hrc', number: '3', title: 'Interactive dialogue', generalDebate: false, createdAt: at },
]
const organization = (id: string, ecosocStatus: OrganizationDto['ecosocStatus']): OrganizationDto => ({
  id,
  name: id,
  shortName: null,
  country: 'Kenya',
  ecosocStatus,
  website: null,
  createdAt: at,
})
const options: StatementContextOptions = {
  forums,
  meetings,
  agendaItems,
  organizations: [organization('o-general', 'general'), organization('o-special', 'special')],
}

describe('presetPreview', () => {
  it('gives an oral statement the forum’s slot, and the shorter one in a general debate', () => {
    const values = { ...emptyStatementForm({ meetingId: 'm-hrc' }), kind: 'oral' as const }
    expect(presetPreview(values, options)?.limits).toMatchObject({ speakingLimitSeconds: 120, wordLimit: null, wordsPerMinute: 100 })
    expect(presetPreview({ ...values, agendaItemId: 'a-gd' }, options)?.limits.speakingLimitSeconds).toBe(90)
    expect(presetPreview({ ...values, agendaItemId: 'a-id' }, options)?.limits.speakingLimitSeconds).toBe(120)
  })

  it('sets a written statement’s word limit by the submitting organisation’s status, less the cover page', () => {
    const values = { ...emptyStatementForm({ meetingId: 'm-csw' }), kind: 'written' as const }
    expect(presetPreview({ ...values, submittingOrganizationId: 'o-general' }, options)?.limits.wordLimit).toBe(1900)
    expect(presetPreview({ ...values, submittingOrganizationId: 'o-special' }, options)?.limits.wordLimit).toBe(1400)
    // Unknown: no ECOSOC status, for which the CSW sets no limit.
    expect(presetPreview({ ...values, submittingOrganizationId: 'o-unknown' }, options)?.limits.wordLimit).toBeNull()
  })

  it('sets the deadline the forum’s days before the meeting opens', () => {
    const preview = presetPreview(emptyStatementForm({ meetingId: 'm-hrc' }), options)
    expect(preview?.limits.deadline).toBe('2026-06-01T23:59:00.000Z')
  })

  it('has nothing to apply without a meeting or while the forums load', () => {
    expect(presetPreview(emptyStatementForm(), options)).toBeNull()
    expect(presetPreview(emptyStatementForm({ meetingId: 'm-hrc' }), { ...options, forums: null })).toBeNull()
  })
})

describe('applyPreset', () => {
  it('writes the figures into the fields as the inputs hold them', () => {
    const values = emptyStatementForm({ meetingId: 'm-hrc' })
    const applied = applyPreset({ ...values, wordLimit: '700' }, presetPreview(values, options)!)
    expect(applied).toMatchObject({
      wordLimit: '',
      speakingLimitSeconds: '120',
      wordsPerMinute: '100',
      deadline: isoToLocalInput('2026-06-01T23:59:00.000Z'),
    })
  })
})

describe('withMeeting', () => {
  it('drops the agenda item of another meeting', () => {
    const values = { ...emptyStatementForm({ meetingId: 'm-hrc' }), agendaItemId: 'a-gd' }
    expect(withMeeting(values, 'm-csw')).toMatchObject({ meetingId: 'm-csw', agendaItemId: '' })
    expect(withMeeting(values, 'm-hrc')).toBe(values)
  })
})
