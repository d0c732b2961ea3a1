import { ECOSOC_STATUSES } from '../../../../shared/domain/organization.js'
import type { FieldErrors } from '../../../http/fieldErrors.js'
import { TextField } from '../../../ui/FormField.js'
import { ecosocLabel } from '../../../ui/labels.js'
import type { ForumFormValues } from './forumFormValues.js'

interface PresetFieldsProps {
  values: ForumFormValues
  errors: FieldErrors
  onChange: (values: ForumFormValues) => void
}

/** What a new statement for a meeting of this forum starts with; coordinators adjust each statement afterwards. */
export function PresetFields({ values, errors, onChange }: PresetFieldsProps) {
  const set = (field: Exclude<keyof ForumFormValues, 'wordLimits'>) => (value: string) => onChange({ ...values, [field]: value })
  return (
    <>
      <fieldset className="fieldset">
        <legend>Oral statements</legend>
        <div className="form__row">
          <TextField
            label="Speaking limit"
            name="speakingLimit"
            hint="Seconds (180) or minutes:seconds (3:00). Empty: none."
            value={values.speakingLimit}
            onValueChange={set('speakingLimit')}
            error={errors.speakingLimit}
          />
          <TextField
            label="General-debate speaking limit"
            name="generalDebateLimit"
            hint="Under agenda items marked as general debate. Empty: the usual limit."
            value={values.generalDebateLimit}
            onValueChange={set('generalDebateLimit')}
            error={errors.generalDebateLimit}
          />
          <TextField
            label="Words per minute"
            name="wordsPerMinute"
            inputMode="numeric"
            hint="To estimate speaking time."
            value={values.wordsPerMinute}
            onValueChange={set('wordsPerMinute')}
            error={errors.wordsPerMinute}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Written statements: word limit by the submitting organisation’s ECOSOC status</legend>
        <div className="form__row">
          {ECOSOC_STATUSES.map((status) => (
            <TextField
              key={status}
              label={ecosocLabel(status)}
              name={`wordLimit.${status}`}
              inputMode="numeric"
              hint="Words. Empty: no limit."
              value={values.wordLimits[status]}
              onValueChange={(value) => onChange({ ...values, wordLimits: { ...values.wordLimits, [status]: value } })}
              error={errors[`wordLimit.${status}`]}
            />
          ))}
        </div>
        <TextField
          label="Cover page words"
          name="coverPageWords"
          inputMode="numeric"
          hint="Words of the limit the cover page takes; the text gets the rest."
          value={values.coverPageWords}
          onValueChange={set('coverPageWords')}
          error={errors.coverPageWords}
        />
      </fieldset>
      <TextField
        label="Submission deadline (days before the meeting opens)"
        name="deadlineDays"
        inputMode="numeric"
        hint="Empty: no deadline."
        value={values.deadlineDays}
        onValueChange={set('deadlineDays')}
        error={errors.deadlineDays}
      />
    </>
  )
}
