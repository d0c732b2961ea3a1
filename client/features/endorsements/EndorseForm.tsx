import { useRef, useState, type FormEvent } from 'react'
import { endorseBody } from '../../../shared/api/endorsements.js'
import { LIMITS } from '../../../shared/limits.js'
import { endorsementsApi, type EndorsementDto } from '../../http/endorsements.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { CheckboxField, TextAreaField, TextField } from '../../ui/FormField.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'

interface EndorseFormProps {
  statementId: string
  organizationName: string
  /** The signed-in person's name: usually they sign themselves. */
  defaultSignatory: string
  versionNumber: number
  onEndorsed: (endorsement: EndorsementDto) => void
  /** Any refusal but a validation error: the panel says why and catches up (someone else signed, the statement was unlocked or closed). */
  onError: (error: unknown) => void
}

/** A member who may sign for their organisation endorses the locked text; it counts at once, no approval needed. */
export function EndorseForm({ statementId, organizationName, defaultSignatory, versionNumber, onEndorsed, onError }: EndorseFormProps) {
  const [values, setValues] = useState({ signatoryName: defaultSignatory, signatoryTitle: '', comment: '', confidential: false })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const set = <K extends keyof typeof values>(field: K) => (value: (typeof values)[K]) => setValues((previous) => ({ ...previous, [field]: value }))

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = endorseBody.safeParse(values)
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues))
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      onEndorsed(await endorsementsApi.endorse(statementId, parsed.data))
    } catch (error) {
      setSubmitting(false)
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else onError(error)
    }
  }

  return (
    <form ref={formRef} className="form endorse-form" aria-labelledby="endorse-heading" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <h3 id="endorse-heading">Endorse on behalf of {organizationName}</h3>
      <p className="muted">
        You sign the final text, version {versionNumber}, as it is locked now. {organizationName} is then named on the sign-off list, unless you
        mark the endorsement confidential.
      </p>
      <div className="form__row">
        <TextField
          label="Signatory name"
          name="signatoryName"
          autoComplete="name"
          value={values.signatoryName}
          onValueChange={set('signatoryName')}
          error={errors.signatoryName}
          maxLength={LIMITS.nameMaxLength}
          required
        />
        <TextField
          label="Signatory title"
          name="signatoryTitle"
          hint="Optional, for example “Executive Director”."
          autoComplete="organization-title"
          value={values.signatoryTitle}
          onValueChange={set('signatoryTitle')}
          error={errors.signatoryTitle}
          maxLength={LIMITS.nameMaxLength}
        />
      </div>
      <TextAreaField
        label="Comment"
        name="comment"
        hint="Optional. Coordinators read it; it is not on the public list."
        rows={2}
        value={values.comment}
        onValueChange={set('comment')}
        error={errors.comment}
        maxLength={LIMITS.endorsementCommentMaxLength}
      />
      <CheckboxField
        label="Confidential (counted, never named publicly)"
        name="confidential"
        checked={values.confidential}
        onCheckedChange={set('confidential')}
        hint="For organisations that could face reprisals: coordinators know, public lists and exports only count it."
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          Endorse
        </button>
      </div>
    </form>
  )
}
