import { createForumBody, type CreateForumBody } from '../../../../shared/api/forums.js'
import type { Forum } from '../../../../shared/domain/forum.js'
import { DEFAULT_FORUM_PRESETS } from '../../../../shared/domain/forumCatalogue.js'
import { ECOSOC_STATUSES, type EcosocStatus } from '../../../../shared/domain/organization.js'
import { isApiError } from '../../../http/ApiError.js'
import { fieldErrorsFromIssues, type FieldErrors } from '../../../http/fieldErrors.js'
import type { ParseResult } from '../../../ui/useFormSubmission.js'
import { parseSpeakingLimit, parseWholeNumber } from '../../statements/speakingLimitInput.js'

/** The forum form as its inputs hold it: every figure a string, parsed on submit. */
export interface ForumFormValues {
  name: string
  shortName: string
  description: string
  cadence: string
  speakingLimit: string
  generalDebateLimit: string
  wordsPerMinute: string
  /** Field names `wordLimit.general`, `wordLimit.special`… */
  wordLimits: Record<EcosocStatus, string>
  coverPageWords: string
  deadlineDays: string
}

const text = (value: number | null) => (value === null ? '' : String(value))

/** A new forum starts from the defaults the server would apply. */
export function forumFormValues(forum?: Forum): ForumFormValues {
  const presets = forum?.presets ?? DEFAULT_FORUM_PRESETS
  return {
    name: forum?.name ?? '',
    shortName: forum?.shortName ?? '',
    description: forum?.description ?? '',
    cadence: forum?.cadence ?? '',
    speakingLimit: text(presets.oral.speakingLimitSeconds),
    generalDebateLimit: text(presets.oral.generalDebateSpeakingLimitSeconds),
    wordsPerMinute: String(presets.oral.wordsPerMinute),
    wordLimits: Object.fromEntries(ECOSOC_STATUSES.map((status) => [status, text(presets.written.wordLimits[status])])) as Record<EcosocStatus, string>,
    coverPageWords: String(presets.written.coverPageWords),
    deadlineDays: text(presets.deadlineDaysBeforeMeeting),
  }
}

/** Where each preset figure sits in the API body, and so in a validation answer's issue paths. */
const PRESET_FIELDS: Record<string, string> = {
  'presets.oral.speakingLimitSeconds': 'speakingLimit',
  'presets.oral.generalDebateSpeakingLimitSeconds': 'generalDebateLimit',
  'presets.oral.wordsPerMinute': 'wordsPerMinute',
  'presets.written.coverPageWords': 'coverPageWords',
  'presets.deadlineDaysBeforeMeeting': 'deadlineDays',
  ...Object.fromEntries(ECOSOC_STATUSES.map((status) => [`presets.written.wordLimits.${status}`, `wordLimit.${status}`])),
}

/** Field errors for the form's own field names, also for issues deep inside `presets`. */
export function forumFieldErrors(issues: unknown): FieldErrors {
  if (!Array.isArray(issues)) return {}
  const renamed = issues.map((issue: { path?: unknown }) => {
    const path = Array.isArray(issue?.path) ? issue.path.map(String) : []
    const field = PRESET_FIELDS[path.join('.')]
    return field ? { ...issue, path: [field] } : issue
  })
  return fieldErrorsFromIssues(renamed)
}

/** A refusal of the forum form: validation issues by field, or null for any other error. */
export function forumErrorsFromError(error: unknown): FieldErrors | null {
  return isApiError(error, 'validation_failed') ? forumFieldErrors(error.details) : null
}

const NUMBER = 'Enter a whole number, or leave empty for none'

export function parseForumForm(values: ForumFormValues): ParseResult<CreateForumBody> {
  const errors: FieldErrors = {}
  const whole = (field: string, value: string, required = false) => {
    const parsed = parseWholeNumber(value)
    if (parsed === undefined || (required && parsed === null)) errors[field] = required ? 'Enter a whole number' : NUMBER
    return parsed ?? null
  }
  const seconds = (field: string, value: string) => {
    const parsed = parseSpeakingLimit(value)
    if (parsed === undefined) errors[field] = 'Enter seconds (180) or minutes:seconds (3:00), or leave empty for none'
    return parsed ?? null
  }
  const raw = {
    name: values.name,
    shortName: values.shortName,
    description: values.description,
    cadence: values.cadence,
    presets: {
      oral: {
        speakingLimitSeconds: seconds('speakingLimit', values.speakingLimit),
        generalDebateSpeakingLimitSeconds: seconds('generalDebateLimit', values.generalDebateLimit),
        wordsPerMinute: whole('wordsPerMinute', values.wordsPerMinute, true),
      },
      written: {
        wordLimits: Object.fromEntries(ECOSOC_STATUSES.map((status) => [status, whole(`wordLimit.${status}`, values.wordLimits[status])])),
        coverPageWords: whole('coverPageWords', values.coverPageWords, true),
      },
      deadlineDaysBeforeMeeting: whole('deadlineDays', values.deadlineDays),
    },
  }
  const parsed = createForumBody.safeParse(raw)
  const allErrors = { ...(parsed.success ? {} : forumFieldErrors(parsed.error.issues)), ...errors }
  if (!parsed.success || Object.keys(allErrors).length > 0) return { ok: false, errors: allErrors }
  return { ok: true, body: parsed.data }
}
