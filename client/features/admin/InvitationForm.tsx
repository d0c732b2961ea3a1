import { useRef, useState, type FormEvent } from 'react'
import type { InvitationCreatedDto, OrganizationDto } from '../../../shared/api/dto.js'
import { createInvitationBody } from '../../../shared/api/invitations.js'
import { canInvite } from '../../../shared/domain/permissions.js'
import { ROLES, type Role } from '../../../shared/domain/user.js'
import { isApiError } from '../../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { invitationsApi } from '../../http/invitations.js'
import { useMe } from '../../app/SessionContext.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { CheckboxField, SelectField, TextField } from '../../ui/FormField.js'
import { roleLabel } from '../../ui/labels.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'
import { InvitationLink } from './InvitationLink.js'

interface InvitationFormProps {
  organizations: OrganizationDto[]
  onCreated: () => void
}

export function InvitationForm({ organizations, onCreated }: InvitationFormProps) {
  const { user } = useMe()
  const roles = ROLES.filter((role) => canInvite(user, role))
  const [email, setEmail] = useState('')
  const [organizationId, setOrganizationId] = useState('')
  const [role, setRole] = useState<Role>('member')
  const [canSign, setCanSign] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [created, setCreated] = useState<InvitationCreatedDto | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = createInvitationBody.safeParse({ email, organizationId, role, canSign })
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromIssues(parsed.error.issues)
      setErrors(organizationId === '' ? { ...fieldErrors, organizationId: 'Choose an organisation' } : fieldErrors)
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      setCreated(await invitationsApi.create(parsed.data))
      setEmail('')
      setCanSign(false)
      onCreated()
    } catch (error) {
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else if (isApiError(error, 'email_taken')) setErrors({ email: 'Someone already has an account with this e-mail address' })
      else setFormError(describeError(error))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <form ref={formRef} className="form panel" onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p className="muted">Plenary does not send e-mail yet: copy the link and send it yourself.</p>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      <TextField label="E-mail" name="email" type="email" autoComplete="off" value={email} onValueChange={setEmail} error={errors.email} required />
      <div className="form__row">
        <SelectField label="Organisation" name="organizationId" value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} error={errors.organizationId} required>
          <option value="">Choose…</option>
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.shortName ? `${organization.name} (${organization.shortName})` : organization.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Role" name="role" value={role} onChange={(event) => setRole(event.target.value as Role)} error={errors.role}>
          {roles.map((candidate) => (
            <option key={candidate} value={candidate}>
              {roleLabel(candidate)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        label="May sign on behalf of the organisation"
        name="canSign"
        checked={canSign}
        onCheckedChange={setCanSign}
        hint="They can endorse locked statements in the organisation’s name."
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          Create invitation
        </button>
      </div>
      {created ? <InvitationLink invitation={created} /> : null}
    </form>
  )
}
