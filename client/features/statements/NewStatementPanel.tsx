import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { fieldErrorsFromError, type FieldErrors } from '../../http/fieldErrors.js'
import { statementsApi } from '../../http/statements.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { StatementForm } from './StatementForm.js'
import { emptyStatementForm, parseCreateForm } from './statementFormValues.js'
import { useOrganizationOptions } from './useOrganizations.js'

export function NewStatementPanel({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate()
  const { organizations, error: organizationsError } = useOrganizationOptions()
  const [values, setValues] = useState(emptyStatementForm)
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
      <StatementForm
        values={values}
        onChange={setValues}
        errors={errors}
        organizations={organizations}
        submitLabel="Create statement"
        submitting={submitting}
        onSubmit={() => void handleSubmit()}
        onCancel={onCancel}
      />
    </section>
  )
}
