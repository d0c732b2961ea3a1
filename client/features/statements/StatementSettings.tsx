import { useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { fieldErrorsFromError, type FieldErrors } from '../../http/fieldErrors.js'
import { statementsApi } from '../../http/statements.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { StatementForm } from './StatementForm.js'
import { formValuesFromStatement, parseUpdateForm } from './statementFormValues.js'
import { useOrganizationOptions } from './useOrganizations.js'
import { useStatementContext } from './useStatementContext.js'

interface StatementSettingsProps {
  statement: StatementDto
  onSaved: (statement: StatementDto) => void
  onCancel: () => void
}

export function StatementSettings({ statement, onSaved, onCancel }: StatementSettingsProps) {
  const { organizations, error: organizationsError } = useOrganizationOptions()
  const [values, setValues] = useState(() => formValuesFromStatement(statement))
  const context = useStatementContext(values.meetingId)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  async function handleSubmit() {
    setFormError(null)
    const parsed = parseUpdateForm(values, statement)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    if (Object.keys(parsed.body).length === 0) {
      onSaved(statement)
      return
    }
    setSubmitting(true)
    try {
      onSaved(await statementsApi.update(statement.id, parsed.body))
    } catch (error) {
      setSubmitting(false)
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else setFormError(describeError(error))
    }
  }

  return (
    <section className="panel" id="statement-settings" aria-labelledby="statement-settings-heading">
      <h2 id="statement-settings-heading">Settings</h2>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      {organizationsError ? <ErrorMessage>Organisations could not be loaded: {describeError(organizationsError)}</ErrorMessage> : null}
      {context.error ? <ErrorMessage>Meetings and working groups could not be loaded: {describeError(context.error)}</ErrorMessage> : null}
      <StatementForm
        values={values}
        onChange={setValues}
        errors={errors}
        organizations={organizations}
        context={context}
        submitLabel="Save settings"
        submitting={submitting}
        onSubmit={() => void handleSubmit()}
        onCancel={onCancel}
      />
    </section>
  )
}
