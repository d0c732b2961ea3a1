import { isApiError } from './ApiError.js'

/** Error messages keyed by form field name ("title", "draftingOrganizationIds"); "" holds form-wide ones. */
export type FieldErrors = Record<string, string>

/** The parts of a zod 4 issue this module reads; the server sends them as `details`. */
interface IssueLike {
  path?: unknown
  message?: unknown
  code?: unknown
  origin?: unknown
  minimum?: unknown
  maximum?: unknown
  expected?: unknown
}

/**
 * Turns zod issues (from the server's `validation_failed` details, or from running
 * the shared schema in the browser) into one message per top-level field.
 * The first issue for a field wins: one clear message beats a list.
 */
export function fieldErrorsFromIssues(issues: unknown): FieldErrors {
  const errors: FieldErrors = {}
  if (!Array.isArray(issues)) return errors
  for (const issue of issues as IssueLike[]) {
    const path = Array.isArray(issue?.path) ? issue.path : []
    const field = typeof path[0] === 'string' ? path[0] : ''
    if (!(field in errors)) errors[field] = issueMessage(issue ?? {})
  }
  return errors
}

/** Field errors for a `validation_failed` answer, or null for any other error. */
export function fieldErrorsFromError(error: unknown): FieldErrors | null {
  if (!isApiError(error, 'validation_failed')) return null
  return fieldErrorsFromIssues(error.details)
}

/**
 * zod's default messages ("Too small: expected string to have >=1 characters") are
 * written for developers; the common cases get a sentence a person can act on.
 * Messages the shared schemas wrote on purpose ("must be an e-mail address") are kept.
 */
function issueMessage(issue: IssueLike): string {
  const { code, origin, minimum, maximum } = issue
  if (code === 'too_small' && origin === 'string') {
    return minimum === 1 ? 'Required' : `Must be at least ${String(minimum)} characters`
  }
  if (code === 'too_big' && origin === 'string') return `Must be at most ${String(maximum)} characters`
  if (code === 'too_small' && origin === 'number') return `Must be at least ${String(minimum)}`
  if (code === 'too_big' && origin === 'number') return `Must be at most ${String(maximum)}`
  if (code === 'invalid_type' && issue.expected === 'number') return 'Must be a number'
  if (code === 'invalid_type' && issue.expected === 'int') return 'Must be a whole number'
  const message = typeof issue.message === 'string' && issue.message !== '' ? issue.message : 'Is not valid'
  return message.charAt(0).toUpperCase() + message.slice(1)
}
