import { describe, expect, it } from 'vitest'
import { createStatementBody } from '../../shared/api/statements.js'
import { ApiError } from './ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues } from './fieldErrors.js'

describe('fieldErrorsFromIssues', () => {
  it('keeps the first message per top-level field', () => {
    const errors = fieldErrorsFromIssues([
      { path: ['title'], message: 'first' },
      { path: ['title'], message: 'second' },
      { path: ['draftingOrganizationIds', 2], message: 'bad id' },
      { path: [], message: 'nothing to change' },
    ])
    expect(errors).toEqual({ title: 'First', draftingOrganizationIds: 'Bad id', '': 'Nothing to change' })
  })

  it('words the shared schema issues for people', () => {
    const result = createStatementBody.safeParse({ title: '', visibility: 'members', wordsPerMinute: 1000 })
    expect(result.success).toBe(false)
    const errors = fieldErrorsFromIssues(result.error?.issues)
    expect(errors.title).toBe('Required')
    expect(errors.wordsPerMinute).toBe('Must be at most 400')
  })

  it('ignores details that are not a list', () => {
    expect(fieldErrorsFromIssues({ title: 'x' })).toEqual({})
  })
})

describe('fieldErrorsFromError', () => {
  it('reads validation_failed details and nothing else', () => {
    const invalid = new ApiError(400, 'validation_failed', 'invalid', [{ path: ['email'], message: 'must be an e-mail address' }])
    expect(fieldErrorsFromError(invalid)).toEqual({ email: 'Must be an e-mail address' })
    expect(fieldErrorsFromError(new ApiError(409, 'email_taken', 'taken'))).toBeNull()
    expect(fieldErrorsFromError(new Error('x'))).toBeNull()
  })
})
