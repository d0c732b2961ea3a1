import { useRef, useState, type FormEvent } from 'react'
import type { OrganizationDto } from '../../../shared/api/dto.js'
import { STATEMENT_KINDS, VISIBILITIES } from '../../../shared/domain/statement.js'
import { LIMITS } from '../../../shared/limits.js'
import { formatDuration } from '../../../shared/text/speakingTime.js'
import type { FieldErrors } from '../../http/fieldErrors.js'
import { ErrorMessage } from '../../ui/Feedback.js'
import { SelectField, TextField } from '../../ui/FormField.js'
import { kindLabel } from '../../ui/labels.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'
import { applyPreset, presetPreview, withMeeting } from './presetPrefill.js'
import { parseSpeakingLimit } from './speakingLimitInput.js'
import { StatementContextFields, type ContextField } from './StatementContextFields.js'
import type { StatementFormValues } from './statementFormValues.js'
import type { StatementContext } from './useStatementContext.js'
import { FormActions } from '../../ui/FormActions.js'

const VISIBILITY_OPTIONS: Record<(typeof VISIBILITIES)[number], string> = {
  members: 'All members can read',
  drafters: 'Confidential: drafting organisations only',
  working_group: 'The working group only',
}

interface StatementFormProps {
  values: StatementFormValues
  onChange: (values: StatementFormValues) => void
  errors: FieldErrors
  organizations: OrganizationDto[] | null
  context: StatementContext
  submitLabel: string
  submitting: boolean
  onSubmit: () => void
  onCancel?: () => void
}

/** The fields of a statement, shared by "New statement" and the settings panel. */
export function StatementForm({ values, onChange, errors, organizations, context, submitLabel, submitting, onSubmit, onCancel }: StatementFormProps) {
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  // A field's message stops applying once the person edits it; the next submit brings a fresh set.
  const [edited, setEdited] = useState<{ for: FieldErrors; fields: ReadonlySet<string> }>({ for: errors, fields: new Set() })
  if (edited.for !== errors) setEdited({ for: errors, fields: new Set() })
  const errorFor = (field: keyof StatementFormValues) => (edited.fields.has(field) ? undefined : errors[field])
  const set = <K extends keyof StatementFormValues>(field: K) => (value: StatementFormValues[K]) => {
    if (errors[field] && !edited.fields.has(field)) setEdited({ for: errors, fields: new Set([...edited.fields, field]) })
    onChange({ ...values, [field]: value })
  }
  const speakingSeconds = parseSpeakingLimit(values.speakingLimitSeconds)
  const [presetNote, setPresetNote] = useState<string | null>(null)

  /**
   * Meeting, kind, agenda item and submitting organisation decide the preset: a change of any of them
   * writes the forum's figures into the limit and deadline fields, which stay editable afterwards.
   */
  function changeContext(field: ContextField | 'kind', value: string) {
    if (errors[field] && !edited.fields.has(field)) setEdited({ for: errors, fields: new Set([...edited.fields, field]) })
    let next = field === 'meetingId' ? withMeeting(values, value) : { ...values, [field]: value }
    if (field !== 'workingGroupId') {
      const preview = presetPreview(next, { ...context, organizations })
      if (preview) {
        next = applyPreset(next, preview)
        setPresetNote(`Limits and deadline filled in from the ${preview.forum.shortName} presets; you can change each of them.`)
      } else if (field === 'meetingId') setPresetNote(null)
    }
    onChange(next)
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    onSubmit()
  }

  return (
    <form ref={formRef} className="form statement-form" onSubmit={handleSubmit} noValidate>
      {errors[''] ? <ErrorMessage>{errors['']}</ErrorMessage> : null}
      <TextField label="Title" name="title" value={values.title} onValueChange={set('title')} error={errorFor('title')} maxLength={LIMITS.titleMaxLength} required />
      <TextField
        label="Forum or meeting"
        name="forum"
        hint="Free text, for example “CCPCJ 34th session, side event”. Choose the meeting itself below."
        value={values.forum}
        onValueChange={set('forum')}
        error={errorFor('forum')}
        maxLength={LIMITS.forumMaxLength}
      />
      <StatementContextFields values={values} context={context} organizations={organizations} onFieldChange={changeContext} errorFor={errorFor} />
      <div className="live-slot" aria-live="polite">
        {presetNote ? (
          <p className="field__hint" data-testid="preset-note">
            {presetNote}
          </p>
        ) : null}
      </div>
      <div className="form__row">
        <SelectField label="Kind" name="kind" value={values.kind} onChange={(event) => changeContext('kind', event.target.value)} error={errorFor('kind')}>
          {STATEMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Deadline"
          name="deadline"
          type="datetime-local"
          hint="Your local time. Leave empty for no deadline."
          value={values.deadline}
          onValueChange={set('deadline')}
          error={errorFor('deadline')}
        />
      </div>
      <div className="form__row">
        <TextField
          label="Word limit"
          name="wordLimit"
          inputMode="numeric"
          hint="Leave empty for no limit."
          value={values.wordLimit}
          onValueChange={set('wordLimit')}
          error={errorFor('wordLimit')}
        />
        <TextField
          label="Speaking-time limit (seconds)"
          name="speakingLimitSeconds"
          hint={
            typeof speakingSeconds === 'number'
              ? `That is ${formatDuration(speakingSeconds)} (minutes:seconds).`
              : 'Seconds, or minutes:seconds such as 3:00. Leave empty for no limit.'
          }
          value={values.speakingLimitSeconds}
          onValueChange={set('speakingLimitSeconds')}
          error={errorFor('speakingLimitSeconds')}
        />
        <TextField
          label="Words per minute"
          name="wordsPerMinute"
          inputMode="numeric"
          hint="Used to estimate speaking time."
          value={values.wordsPerMinute}
          onValueChange={set('wordsPerMinute')}
          error={errorFor('wordsPerMinute')}
        />
      </div>
      <SelectField
        label="Visibility"
        name="visibility"
        value={values.visibility}
        onChange={(event) => set('visibility')(event.target.value as StatementFormValues['visibility'])}
        hint={values.visibility === 'working_group' ? 'Its member organisations and chairs, and coordinators. Choose the working group above.' : undefined}
        error={errorFor('visibility')}
      >
        {VISIBILITIES.map((visibility) => (
          <option key={visibility} value={visibility}>
            {VISIBILITY_OPTIONS[visibility]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Drafting organisations"
        name="draftingOrganizationIds"
        multiple
        size={Math.min(8, Math.max(4, organizations?.length ?? 4))}
        hint={
          <>
            Hold Ctrl (⌘ on a Mac) to choose several. With “All members can read” and no organisation chosen, every member organisation
            may edit; choosing organisations makes everyone else a reader.
          </>
        }
        value={values.draftingOrganizationIds}
        onChange={(event) => set('draftingOrganizationIds')(Array.from(event.target.selectedOptions, (option) => option.value))}
        error={errorFor('draftingOrganizationIds')}
        disabled={organizations === null}
      >
        {(organizations ?? []).map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.shortName ? `${organization.name} (${organization.shortName})` : organization.name}
          </option>
        ))}
      </SelectField>
      <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
    </form>
  )
}
