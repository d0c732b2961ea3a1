import { describe, expect, it } from 'vitest'
import type { StatementDto } from '../../../shared/api/dto.js'
import { formatWithOffset, isoToLocalInput, localInputToIso } from './deadlineInput.js'
import { parseSpeakingLimit, parseWholeNumber } from './speakingLimitInput.js'
import { emptyStatementForm, formValuesFromStatement, parseCreateForm, parseUpdateForm } from './statementFormValues.js'

describe('deadline input', () => {
  it('turns local wall-clock time into the same instant with an offset', () => {
    const iso = localInputToIso('2025-05-20T14:30')
    expect(iso).toMatch(/^2025-05-20T14:30:00[+-]\d{2}:\d{2}$/)
    expect(Date.parse(iso as string)).toBe(new Date(2025, 4, 20, 14, 30).getTime())
  })

  it('round-trips through the input value', () => {
    expect(isoToLocalInput(localInputToIso('2025-12-01T09:05') as string)).toBe('2025-12-01T09:05')
  })

  it('reads empty as no deadline and rejects garbage', () => {
    expect(localInputToIso('')).toBeNull()
    expect(localInputToIso('next tuesday')).toBeUndefined()
    expect(isoToLocalInput(null)).toBe('')
  })

  it('writes offsets with hours and minutes', () => {
    expect(formatWithOffset(new Date(2025, 0, 2, 3, 4, 5))).toMatch(/^2025-01-02T03:04:05[+-]\d{2}:\d{2}$/)
  })
})

describe('speaking limit and numbers', () => {
  it.each([
    ['180', 180],
    ['3:00', 180],
    ['2:05', 125],
    [' 90 ', 90],
    ['', null],
    ['3:75', undefined],
    ['three minutes', undefined],
  ])('parseSpeakingLimit(%j) is %j', (input, expected) => {
    expect(parseSpeakingLimit(input)).toBe(expected)
  })

  it('accepts thousands separators in whole numbers', () => {
    expect(parseWholeNumber('1,500')).toBe(1500)
    expect(parseWholeNumber('1 500')).toBe(1500)
    expect(parseWholeNumber('')).toBeNull()
    expect(parseWholeNumber('1.5')).toBeUndefined()
  })
})

const statement: StatementDto = {
  id: 's1',
  title: 'Joint statement on prison conditions',
  forum: 'CCPCJ 34',
  kind: 'oral',
  deadline: '2025-05-20T12:00:00.000Z',
  wordLimit: 500,
  speakingLimitSeconds: 180,
  wordsPerMinute: 120,
  visibility: 'members',
  draftingOrganizationIds: ['o1', 'o2'],
  meetingId: null,
  agendaItemId: null,
  workingGroupId: null,
  submittingOrganizationId: null,
  status: 'drafting',
  lock: null,
  lastUnlock: null,
  closedAt: null,
  createdBy: 'u1',
  createdAt: '2025-05-01T00:00:00.000Z',
  updatedAt: '2025-05-01T00:00:00.000Z',
  access: 'edit',
}

describe('parseCreateForm', () => {
  it('builds the API body', () => {
    const result = parseCreateForm({ ...emptyStatementForm(), title: 'Title', speakingLimitSeconds: '3:00', wordLimit: '1,500' })
    expect(result).toEqual({
      ok: true,
      body: expect.objectContaining({ title: 'Title', speakingLimitSeconds: 180, wordLimit: 1500, wordsPerMinute: 120, deadline: null }),
    })
  })

  it('reports unreadable inputs and schema limits per field', () => {
    const result = parseCreateForm({ ...emptyStatementForm(), title: ' ', speakingLimitSeconds: 'soon', wordsPerMinute: '5' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['speakingLimitSeconds', 'title', 'wordsPerMinute'])
  })
})

describe('parseUpdateForm', () => {
  it('sends only what changed', () => {
    const values = { ...formValuesFromStatement(statement), wordLimit: '600', draftingOrganizationIds: ['o2', 'o1'] }
    expect(parseUpdateForm(values, statement)).toEqual({ ok: true, body: { wordLimit: 600 } })
  })

  it('sees an untouched form as no change', () => {
    expect(parseUpdateForm(formValuesFromStatement(statement), statement)).toEqual({ ok: true, body: {} })
  })

  it('can clear a limit', () => {
    const values = { ...formValuesFromStatement(statement), speakingLimitSeconds: '' }
    expect(parseUpdateForm(values, statement)).toEqual({ ok: true, body: { speakingLimitSeconds: null } })
  })
})
