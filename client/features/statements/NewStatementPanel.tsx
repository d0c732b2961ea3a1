import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { fieldErrorsFromError, type FieldErrors } from '../../http/fieldErrors.js'
import { statementsApi } from '../../http/statements.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { useMe } from '../../app/SessionContext.js'
import { applyPreset, presetPreview } from './presetPrefill.js'
import { StatementForm } from './StatementForm.js'
import { emptyStatementForm, parseCreateForm } from './statementFormValues.js'
import { useOrganizationOptions } from './useOrganizations.js'
import { useStatementContext } from './useStatementContext.js'

interface NewStatementPanelProps {
  onCancel: () => void
  /** From the dashboard's "Start a statement for …": the meeting chosen, its presets applied once they load. */
  initialMeetingId?: string
}

export function NewStatementPanel({ onCancel, initialMeetingId }: NewStatementPanelProps) {
  const navigate = useNavigate()
  const me = useMe()
  const { organizations, error: organizationsError } = useOrganizationOptions()
  const [values, setValues] = useState(() => emptyStatementForm({ submittingOrganizationId: me.organization.id, meetingId: initialMeetingId ?? '' }))
  const context = useStatementContext(values.meetingId)
  const [presetApplied, setPresetApplied] = useState(false)
  if (!presetApplied && values.meetingId !== '') {
    const preview = presetPreview(values, { ...context, organizations })
    if (preview) {
      setPresetApplied(true)
      setValues(applyPreset(values, preview))
    }
  }
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => headingRef.current?.focus(), [])

  async function handleSubmit() {
    setFormError(null)
    const parsed = parseCreateForm(values)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      const statement = await statementsApi.create(parsed.body)
      navigate(`/statements/${encodeURIComponent(statement.id)}`)
    } catch (error) {
      setSubmitting(false)
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else setFormError(describeError(error))
    }
  }

  return (
    <section className="panel" aria-labelledby="new-statement-heading">
      <h2 id="new-statement-heading" ref={headingRef} tabIndex={-1}>
        New statement
      </h2>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      {organizationsError ? <ErrorMessage>Organisations could not be loaded: {describeError(organizationsError)}</ErrorMessage> : null}
      {context.error ? <ErrorMessage>Meetings and working groups could not be loaded: {describeError(context.error)}</ErrorMessage> : null}
      <StatementForm
        values={values}
        onChange={setValues}
        errors={errors}
        organizations={organizations}
        context={context}
        submitLabel="Create statement"
        submitting={submitting}
        onSubmit={() => void handleSubmit()}
        onCancel={onCancel}
      />
    </section>
  )
}
