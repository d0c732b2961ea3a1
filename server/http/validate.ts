import type { z } from 'zod'
import { HttpError } from './httpError.js'

/** Parses input with a zod schema or throws 400 `validation_failed` listing each problem by path. */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const details = result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }))
  const summary = details.map((d) => (d.path.length ? `${d.path.join('.')}: ${d.message}` : d.message)).join('; ')
  throw new HttpError('validation_failed', `Invalid request: ${summary}`, details)
}
