import { useState } from 'react'
import type { z } from 'zod'
import { isApiError } from '../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../http/fieldErrors.js'
import { describeError } from './Feedback.js'

export type ParseResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors }

/** Runs a shared zod schema in the browser, with the same field messages as the server's answer. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, extraErrors: FieldErrors = {}): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(raw)
  const errors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...extraErrors }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, body: parsed.data }
}

/**
 * The state every form repeats: field errors, a form-wide error, "submitting". `submit` checks the
 * parsed body, sends it, and turns a refusal into field errors (validation, read by `fieldErrorsFrom`
 * for forms whose fields are nested in the body, or a conflict code named in `conflicts`) or one message.
 */
export function useFormSubmission(options: { fieldErrorsFrom?: (error: unknown) => FieldErrors | null } = {}) {
  const fieldErrorsFrom = options.fieldErrorsFrom ?? fieldErrorsFromError
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  async function submit<T>(parsed: ParseResult<T>, send: (body: T) => Promise<void>, conflicts: Partial<Record<string, FieldErrors>> = {}): Promise<boolean> {
    setFormError(null)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return false
    }
    setErrors({})
    setSubmitting(true)
    try {
      await send(parsed.body)
      return true
    } catch (error) {
      const conflict = isApiError(error) ? conflicts[error.code] : undefined
      const fieldErrors = fieldErrorsFrom(error) ?? conflict
      if (fieldErrors) setErrors(fieldErrors)
      else setFormError(describeError(error))
      return false
    } finally {
      setSubmitting(false)
    }
  }

  return { errors, formError, submitting, submit }
}
