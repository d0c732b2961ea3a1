import { describe, expect, it } from 'vitest'
import { ApiError } from '../../http/ApiError.js'
import type { EndorsementDto } from '../../http/endorsements.js'
import { countsDetails, countsSummary, duplicateWarning, endorsementErrorMessage, isLifecycleConflict, sortForReview } from './endorsementWording.js'

describe('countsSummary', () => {
  it('counts organisations and the confidential ones among them', () => {
    expect(countsSummary({ current: 12, confidential: 3 })).toBe('12 organisations, 3 confidential')
    expect(countsSummary({ current: 1, confidential: 0 })).toBe('1 organisation, 0 confidential')
    expect(countsSummary({ current: 0, confidential: 0 })).toBe('0 organisations, 0 confidential')
  })

  it('adds what the headline leaves out, only when there is any', () => {
    expect(countsDetails({ current: 2, confidential: 0, stale: 0, pending: 0 })).toEqual([])
    expect(countsDetails({ current: 2, confidential: 0, stale: 1, pending: 2 })).toEqual([
      '1 endorsement of an earlier text, not counted until re-confirmed',
      '2 outside organisations waiting for approval',
    ])
  })
})

describe('endorsementErrorMessage', () => {
  it.each([
    ['already_endorsed', /already endorsed/],
    ['statement_not_locked', /not locked any more/],
    ['statement_closed', /Sign-on is closed/],
    ['endorsement_not_pending', /already approved or rejected/],
    ['endorsement_inactive', /withdrawn or rejected/],
  ])('words %s', (code, expected) => {
    expect(endorsementErrorMessage(new ApiError(409, code, 'x'))).toMatch(expected)
  })

  it('falls back to the general wording', () => {
    expect(endorsementErrorMessage(new ApiError(403, 'forbidden', 'x'))).toBe('You do not have permission to do this.')
  })

  it('knows which answers mean the statement moved on', () => {
    expect(isLifecycleConflict(new ApiError(409, 'statement_closed', 'x'))).toBe(true)
    expect(isLifecycleConflict(new ApiError(409, 'statement_not_locked', 'x'))).toBe(true)
    expect(isLifecycleConflict(new ApiError(409, 'already_endorsed', 'x'))).toBe(false)
  })
})

describe('duplicateWarning', () => {
  it('names each reason', () => {
    expect(duplicateWarning('same_name')).toBe('Possible duplicate: same name')
    expect(duplicateWarning('same_email_domain')).toBe('Possible duplicate: same e-mail domain')
    expect(duplicateWarning('member_organization')).toBe('Possible duplicate: a member organisation')
  })
})

describe('sortForReview', () => {
  const endorsement = (id: string, status: EndorsementDto['status'], createdAt: string) => ({ id, status, createdAt }) as EndorsementDto

  it('puts what waits for a decision first, oldest first within each status', () => {
    const sorted = sortForReview([
      endorsement('withdrawn', 'withdrawn', '2025-05-01T10:00:00Z'),
      endorsement('approved-late', 'approved', '2025-05-03T10:00:00Z'),
      endorsement('pending', 'pending', '2025-05-04T10:00:00Z'),
      endorsement('approved-early', 'approved', '2025-05-02T10:00:00Z'),
      endorsement('rejected', 'rejected', '2025-05-01T09:00:00Z'),
    ])
    expect(sorted.map((e) => e.id)).toEqual(['pending', 'approved-early', 'approved-late', 'rejected', 'withdrawn'])
  })
})
