import { ECOSOC_STATUSES, type EcosocStatus } from '../../../../shared/domain/organization.js'
import type { FieldErrors } from '../../../http/fieldErrors.js'
import { TextField } from '../../../ui/FormField.js'
import { ecosocLabel } from '../../../ui/labels.js'
import type { ForumFormValues } from './forumFormValues.js'

interface PresetFieldsProps {
  values: ForumFormValues
  errors: FieldErrors
  onChange: (values: ForumFormValues) => void
}

type ScalarField = Exclude<keyof ForumFormValues, 'wordLimits'>

/** What a new statement for a meeting of this forum starts with; coordinators adjust each statement afterwards. */
export function PresetFields({ values, errors, onChange }: PresetFieldsProps) {
  // Every figure is one string of the form's values with the error of the same name.
  const bind = (name: ScalarField) => ({
    name,
    value: values[name],
    onValueChange: (value: string) => onChange({ ...values, [name]: value }),
    error: errors[name],
  })
  const bindWordLimit = (status: EcosocStatus) => ({
    name: `wordLimit.${status}`,
    value: values.wordLimits[status],
    onValueChange: (value: string) => onChange({ ...values, wordLimits: { ...values.wordLimits, [status]: value } }),
    error: errors[`wordLimit.${status}`],
  })
  return (
    <>
      <fieldset className="fieldset">
        <legend>Oral statements</legend>
        <div className="form__row">
          <TextField label="Speaking limit" hint="Seconds (180) or minutes:seconds (3:00). Empty: none." {...bind('speakingLimit')} />
          <TextField label="General-debate speaking limit" hint="Under agenda items marked as general debate. Empty: the usual limit." {...bind('generalDebateLimit')} />
          <TextField label="Words per minute" inputMode="numeric" hint="To estimate speaking time." {...bind('wordsPerMinute')} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Written statements: word limit by the submitting organisation’s ECOSOC status</legend>
        <div className="form__row">
          {ECOSOC_STATUSES.map((status) => (
            <TextField key={status} label={ecosocLabel(status)} inputMode="numeric" hint="Words. Empty: no limit." {...bindWordLimit(status)} />
          ))}
        </div>
        <TextField label="Cover page words" inputMode="numeric" hint="Words of the limit the cover page takes; the text gets the rest." {...bind('coverPageWords')} />
      </fieldset>
      <TextField label="Submission deadline (days before the meeting opens)" inputMode="numeric" hint="Empty: no deadline." {...bind('deadlineDays')} />
    </>
  )
}
