import { createStatementBody, updateStatementBody, type CreateStatementBody, type UpdateStatementBody } from '../../../shared/api/statements.js'
import type { StatementDto } from '../../../shared/api/dto.js'
import { DEFAULT_WORDS_PER_MINUTE, type StatementKind, type Visibility } from '../../../shared/domain/statement.js'
import { fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { isoToLocalInput, localInputToIso } from './deadlineInput.js'
import { parseSpeakingLimit, parseWholeNumber } from './speakingLimitInput.js'

/** What the statement form holds: strings as the inputs hold them, parsed only on submit. */
export interface StatementFormValues {
  title: string
  forum: string
  kind: StatementKind
  deadline: string
  wordLimit: string
  speakingLimitSeconds: string
  wordsPerMinute: string
  visibility: Visibility
  draftingOrganizationIds: string[]
  /** Ids as the selects hold them; "" is none. */
  meetingId: string
  agendaItemId: string
  workingGroupId: string
  submittingOrganizationId: string
}

/** `submittingOrganizationId`: the creator's organisation, which the server would choose too. */
export function emptyStatementForm(defaults: { submittingOrganizationId?: string; meetingId?: string } = {}): StatementFormValues {
  return {
    title: '',
    forum: '',
    kind: 'oral',
    deadline: '',
    wordLimit: '',
    speakingLimitSeconds: '',
    wordsPerMinute: String(DEFAULT_WORDS_PER_MINUTE),
    visibility: 'members',
    draftingOrganizationIds: [],
    meetingId: defaults.meetingId ?? '',
    agendaItemId: '',
    workingGroupId: '',
    submittingOrganizationId: defaults.submittingOrganizationId ?? '',
  }
}

export function formValuesFromStatement(statement: StatementDto): StatementFormValues {
  return {
    title: statement.title,
    forum: statement.forum,
    kind: statement.kind,
    deadline: isoToLocalInput(statement.deadline),
    wordLimit: statement.wordLimit === null ? '' : String(statement.wordLimit),
    speakingLimitSeconds: statement.speakingLimitSeconds === null ? '' : String(statement.speakingLimitSeconds),
    wordsPerMinute: String(statement.wordsPerMinute),
    visibility: statement.visibility,
    draftingOrganizationIds: [...statement.draftingOrganizationIds],
    meetingId: statement.meetingId ?? '',
    agendaItemId: statement.agendaItemId ?? '',
    workingGroupId: statement.workingGroupId ?? '',
    submittingOrganizationId: statement.submittingOrganizationId ?? '',
  }
}

const idOrNull = (value: string) => (value === '' ? null : value)

type ParseResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors }

/** Reads the strings into the API's types; the shared schema then checks the limits. */
function readValues(values: StatementFormValues): { raw: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const deadline = localInputToIso(values.deadline)
  if (deadline === undefined) errors.deadline = 'Enter a date and time'
  const wordLimit = parseWholeNumber(values.wordLimit)
  if (wordLimit === undefined) errors.wordLimit = 'Enter a whole number of words, or leave empty for no limit'
  const speakingLimitSeconds = parseSpeakingLimit(values.speakingLimitSeconds)
  if (speakingLimitSeconds === undefined) errors.speakingLimitSeconds = 'Enter seconds (180) or minutes:seconds (3:00), or leave empty'
  const wordsPerMinute = parseWholeNumber(values.wordsPerMinute)
  if (wordsPerMinute === undefined || wordsPerMinute === null) errors.wordsPerMinute = 'Enter a whole number of words per minute'
  return {
    errors,
    raw: {
      title: values.title,
      forum: values.forum,
      kind: values.kind,
      deadline,
      wordLimit,
      speakingLimitSeconds,
      wordsPerMinute,
      visibility: values.visibility,
      draftingOrganizationIds: values.draftingOrganizationIds,
      meetingId: idOrNull(values.meetingId),
      agendaItemId: idOrNull(values.agendaItemId),
      workingGroupId: idOrNull(values.workingGroupId),
      submittingOrganizationId: idOrNull(values.submittingOrganizationId),
    },
  }
}

export function parseCreateForm(values: StatementFormValues): ParseResult<CreateStatementBody> {
  const { raw, errors } = readValues(values)
  // None chosen: left out, so the server takes the creator's organisation (null would mean "none").
  if (raw.submittingOrganizationId === null) delete raw.submittingOrganizationId
  const parsed = createStatementBody.safeParse(raw)
  const schemaErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)
  const allErrors = { ...schemaErrors, ...errors }
  if (!parsed.success || Object.keys(allErrors).length > 0) return { ok: false, errors: allErrors }
  return { ok: true, body: parsed.data }
}

/**
 * Only the fields the person changed go into the PATCH, so two coordinators
 * editing different settings at once do not undo each other's change.
 * An empty body means "nothing changed".
 */
export function parseUpdateForm(values: StatementFormValues, statement: StatementDto): ParseResult<UpdateStatementBody> {
  const { raw, errors } = readValues(values)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const changed: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(raw)) {
    const current = statement[field as keyof StatementDto]
    if (!sameValue(field, value, current)) changed[field] = value
  }
  if (Object.keys(changed).length === 0) return { ok: true, body: {} }
  const parsed = updateStatementBody.safeParse(changed)
  if (!parsed.success) return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) }
  return { ok: true, body: parsed.data }
}

function sameValue(field: string, next: unknown, current: unknown): boolean {
  if (Array.isArray(next) && Array.isArray(current)) {
    return next.length === current.length && [...next].sort().join('\n') === [...current].sort().join('\n')
  }
  if (field === 'deadline' && typeof next === 'string' && typeof current === 'string') {
    // The input has minute precision and the local offset; compare instants.
    return Math.floor(Date.parse(next) / 60_000) === Math.floor(Date.parse(current) / 60_000)
  }
  if (typeof next === 'string' && typeof current === 'string') return next.trim() === current.trim()
  return next === current
}
