import { describe, expect, it } from 'vitest'
import { ApiError } from '../../http/ApiError.js'
import { submitErrorMessage, unavailableMessage } from './signonMessages.js'

describe('sign-on messages', () => {
  it('says why a link shows no form', () => {
    expect(unavailableMessage(new ApiError(404, 'signon_link_invalid', 'x'))).toBe('This sign-on link is invalid, revoked or expired')
    expect(unavailableMessage(new ApiError(409, 'signon_not_open', 'x'))).toBe('This statement is not open for sign-on')
    expect(unavailableMessage(new ApiError(0, 'network_error', 'offline'))).toBeNull()
  })

  it('words a refused submission', () => {
    expect(submitErrorMessage(new ApiError(429, 'rate_limited', 'Too many'))).toBe('Too many submissions from this address; try again later')
    expect(submitErrorMessage(new ApiError(409, 'signon_not_open', 'x'))).toBe('This statement is not open for sign-on')
    expect(submitErrorMessage(new ApiError(500, 'internal_error', 'x'))).toBe('Something went wrong on the server. Try again in a moment.')
  })
})
