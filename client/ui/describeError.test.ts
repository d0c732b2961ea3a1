import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/ApiError.js'
import { describeError } from './Feedback.js'

describe('describeError', () => {
  it('says in words why a lifecycle conflict happened', () => {
    expect(describeError(new ApiError(409, 'statement_locked', 'The statement is locked: its text cannot change'))).toBe(
      'The text is locked: it cannot change until a coordinator unlocks it.',
    )
    expect(describeError(new ApiError(409, 'statement_not_drafting', 'x'))).toMatch(/someone has locked it already/)
    expect(describeError(new ApiError(409, 'statement_not_locked', 'x'))).toMatch(/unlocked or closed it already/)
  })

  it('keeps the generic wording for other errors', () => {
    expect(describeError(new ApiError(403, 'forbidden', 'Only drafters'))).toBe('You do not have permission to do this.')
    expect(describeError(new ApiError(409, 'email_taken', 'That e-mail is taken'))).toBe('That e-mail is taken')
    expect(describeError(new Error('boom'))).toBe('Something went wrong. Try again.')
  })
})
