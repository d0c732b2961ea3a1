import { useRef, useState, type FormEvent } from 'react'
import { createOrganizationBody } from '../../../shared/api/organizations.js'
import { ECOSOC_STATUSES, type EcosocStatus } from '../../../shared/domain/organization.js'
import { isApiError } from '../../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { organizationsApi } from '../../http/organizations.js'
import { describeError, ErrorMessage, StatusMessage } from '../../ui/Feedback.js'
import { SelectField, TextField } from '../../ui/FormField.js'
import { ecosocLabel } from '../../ui/labels.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'

const EMPTY = { name: '', shortName: '', country: '', ecosocStatus: 'none' as EcosocStatus, website: '' }

export function OrganizationForm({ onAdded }: { onAdded: () => void }) {
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }))

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    setAdded(null)
    // Optional fields left empty are absent, not empty strings the schema would reject.
    const parsed = createOrganizationBody.safeParse({
      name: values.name,
      country: values.country,
      ecosocStatus: values.ecosocStatus,
      ...(values.shortName.trim() ? { shortName: values.shortName } : {}),
      ...(values.website.trim() ? { website: values.website.trim() } : {}),
    })
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues))
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      const organization = await organizationsApi.create(parsed.data)
      setValues(EMPTY)
      setAdded(`${organization.name} was added.`)
      onAdded()
    } catch (error) {
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else if (isApiError(error, 'organization_name_taken')) setErrors({ name: 'An organisation with this name already exists' })
      else setFormError(describeError(error))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <form ref={formRef} className="form panel" onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby="add-organisation-heading">
      <h2 id="add-organisation-heading">Add an organisation</h2>
      <div className="live-slot" aria-live="polite">{added ? <StatusMessage>{added}</StatusMessage> : null}</div>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      <div className="form__row">
        <TextField label="Name" name="name" value={values.name} onValueChange={set('name')} error={errors.name} autoComplete="off" required />
        <TextField label="Short name" name="shortName" hint="Optional, for example “PRI”." value={values.shortName} onValueChange={set('shortName')} error={errors.shortName} autoComplete="off" />
      </div>
      <div className="form__row">
        <TextField label="Country" name="country" hint="Or “Global”." value={values.country} onValueChange={set('country')} error={errors.country} autoComplete="off" required />
        <SelectField label="ECOSOC status" name="ecosocStatus" value={values.ecosocStatus} onChange={(event) => set('ecosocStatus')(event.target.value)} error={errors.ecosocStatus}>
          {ECOSOC_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ecosocLabel(status)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label="Website" name="website" type="url" hint="Optional, starting with https://" value={values.website} onValueChange={set('website')} error={errors.website} autoComplete="off" />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          Add organisation
        </button>
      </div>
    </form>
  )
}
