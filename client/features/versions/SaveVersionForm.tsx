import { useState, type FormEvent } from 'react'
import { createVersionBody } from '../../../shared/api/versions.js'
import { LIMITS } from '../../../shared/limits.js'
import { isApiError } from '../../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues } from '../../http/fieldErrors.js'
import { versionsApi, type VersionDto } from '../../http/versions.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { TextField } from '../../ui/FormField.js'

interface SaveVersionFormProps {
  statementId: string
  onSaved: (version: VersionDto) => void
  /** The server said the statement is no longer drafting: the page's copy is out of date. */
  onStatementStale: () => void
}

/** A drafter names the text as it is now ("Circulated to members, 3 May"). */
export function SaveVersionForm({ statementId, onSaved, onStatementStale }: SaveVersionFormProps) {
  const [label, setLabel] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = createVersionBody.safeParse({ label })
    if (!parsed.success) {
      setFieldError(label.trim() === '' ? 'Enter a name for the version' : fieldErrorsFromIssues(parsed.error.issues).label)
      return
    }
    setFieldError(undefined)
    setSaving(true)
    try {
      const version = await versionsApi.create(statementId, parsed.data)
      setLabel('')
      onSaved(version)
    } catch (error) {
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors?.label) setFieldError(fieldErrors.label)
      else setFormError(describeError(error))
      if (isApiError(error, 'statement_locked')) onStatementStale()
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="form save-version" aria-label="Save a version" onSubmit={(event) => void handleSubmit(event)} noValidate>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      <TextField
        label="Version name"
        name="label"
        hint="For example “Circulated to members, 3 May”."
        value={label}
        onValueChange={(value) => {
          setLabel(value)
          setFieldError(undefined)
        }}
        error={fieldError}
        maxLength={LIMITS.versionLabelMaxLength}
        autoComplete="off"
      />
      <button type="submit" className="button button--secondary save-version__button" disabled={saving}>
        Save version
      </button>
    </form>
  )
}
