import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ECOSOC_STATUSES, type EcosocStatus } from '../../../shared/domain/organization.js'
import { LIMITS } from '../../../shared/limits.js'
import { isApiError } from '../../http/ApiError.js'
import type { FieldErrors } from '../../http/fieldErrors.js'
import { publicSignonApi } from '../../http/publicSignon.js'
import { formatDateTime } from '../../ui/dates.js'
import { ErrorMessage } from '../../ui/Feedback.js'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/FormField.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'
import { emptySignonForm, parseSignonForm, signonFieldErrors, type SignonFormValues } from './signonFormValues.js'
import { SIGNON_THANKS, submitErrorMessage } from './signonMessages.js'

/** Short, as the UN's own lists name them; the organisation knows which one it has. */
const ECOSOC_OPTIONS: Record<EcosocStatus, string> = { general: 'General', special: 'Special', roster: 'Roster', none: 'None' }

export function SignonForm({ token, expiresAt }: { token: string; expiresAt: string }) {
  const [values, setValues] = useState<SignonFormValues>(emptySignonForm)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const thanksRef = useRef<HTMLDivElement>(null)
  useFocusFirstError(formRef, errors)
  const set = <K extends keyof SignonFormValues>(field: K) => (value: SignonFormValues[K]) => setValues((previous) => ({ ...previous, [field]: value }))

  // The form is replaced by the thank-you; focus follows, so nobody is left on a button that is gone.
  useEffect(() => {
    if (done) thanksRef.current?.focus()
  }, [done])

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = parseSignonForm(values)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      await publicSignonApi.submit(token, parsed.body)
      setDone(true)
    } catch (error) {
      setSubmitting(false)
      if (isApiError(error, 'validation_failed')) setErrors(signonFieldErrors(error.details))
      else setFormError(submitErrorMessage(error))
    }
  }

  if (done) {
    return (
      <div className="notice notice--success signon__thanks" role="status" tabIndex={-1} ref={thanksRef} data-testid="signon-thanks">
        <p>{SIGNON_THANKS}</p>
      </div>
    )
  }

  return (
    <section className="signon__form" aria-labelledby="signon-form-heading">
      <h2 id="signon-form-heading">Sign on for your organisation</h2>
      <p className="muted">
        A coordinator of the alliance checks every sign-on before your organisation is listed. This link works until{' '}
        {formatDateTime(expiresAt)}.
      </p>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      <form ref={formRef} className="form" aria-labelledby="signon-form-heading" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <TextField
          label="Organisation name"
          name="organizationName"
          autoComplete="organization"
          value={values.organizationName}
          onValueChange={set('organizationName')}
          error={errors.organizationName}
          maxLength={LIMITS.nameMaxLength}
          required
        />
        <div className="form__row">
          <TextField label="Country" name="country" hint="Or “Global”." autoComplete="country-name" value={values.country} onValueChange={set('country')} error={errors.country} maxLength={100} required />
          <SelectField
            label="ECOSOC status"
            name="ecosocStatus"
            hint="Consultative status with the UN Economic and Social Council."
            value={values.ecosocStatus}
            onChange={(event) => set('ecosocStatus')(event.target.value as EcosocStatus | '')}
            error={errors.ecosocStatus}
            required
          >
            <option value="">Choose…</option>
            {ECOSOC_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ECOSOC_OPTIONS[status]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__row">
          <TextField label="Contact name" name="contactName" autoComplete="name" value={values.contactName} onValueChange={set('contactName')} error={errors.contactName} maxLength={LIMITS.nameMaxLength} required />
          <TextField
            label="Title"
            name="signatoryTitle"
            hint="Optional, for example “Director”."
            autoComplete="organization-title"
            value={values.signatoryTitle}
            onValueChange={set('signatoryTitle')}
            error={errors.signatoryTitle}
            maxLength={LIMITS.nameMaxLength}
          />
        </div>
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          hint="For the coordinator’s questions only; never published."
          value={values.email}
          onValueChange={set('email')}
          error={errors.email}
          required
        />
        <TextField label="Website" name="website" type="url" hint="Optional, starting with https://" autoComplete="url" value={values.website} onValueChange={set('website')} error={errors.website} />
        <TextAreaField
          label="Comment"
          name="comment"
          hint="Optional. Only the alliance’s coordinators read it."
          rows={3}
          value={values.comment}
          onValueChange={set('comment')}
          error={errors.comment}
          maxLength={LIMITS.endorsementCommentMaxLength}
        />
        <CheckboxField
          label="Confidential: count our endorsement but never name us publicly"
          name="confidential"
          checked={values.confidential}
          onCheckedChange={set('confidential')}
          hint="Coordinators know who you are; public lists and exports only count you."
        />
        <CheckboxField
          label="I confirm that my organisation endorses this text"
          name="consent"
          checked={values.consent}
          onCheckedChange={set('consent')}
          error={errors.consent}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            Sign on
          </button>
        </div>
      </form>
    </section>
  )
}
