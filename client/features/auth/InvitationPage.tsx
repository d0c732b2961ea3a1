import { useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { InvitationPreviewDto } from '../../../shared/api/dto.js'
import { acceptInvitationBody } from '../../../shared/api/invitations.js'
import { LIMITS } from '../../../shared/limits.js'
import { isApiError } from '../../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { invitationsApi } from '../../http/invitations.js'
import { useResource } from '../../http/useResource.js'
import { PublicLayout } from '../../app/PublicLayout.js'
import { useSession } from '../../app/SessionContext.js'
import { describeError, ErrorMessage, LoadError, Loading } from '../../ui/Feedback.js'
import { TextField } from '../../ui/FormField.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'
import { roleLabel } from '../../ui/labels.js'
import { formatDateTime } from '../../ui/dates.js'

const INVALID_LINK = 'This invitation link is invalid, used or expired'

export function InvitationPage() {
  useDocumentTitle('Accept invitation')
  const { token = '' } = useParams()
  const { resource, reload } = useResource(`invitation:${token}`, (signal) => invitationsApi.preview(token, signal))

  return (
    <PublicLayout>
      <h1>Join Plenary</h1>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' && isApiError(resource.error, 'invitation_invalid') ? (
        <>
          <ErrorMessage>{INVALID_LINK}</ErrorMessage>
          <p>Ask your alliance coordinator for a new link. If you already have an account, <Link to="/login">sign in</Link>.</p>
        </>
      ) : null}
      {resource.status === 'error' && !isApiError(resource.error, 'invitation_invalid') ? (
        <LoadError error={resource.error} onRetry={reload} />
      ) : null}
      {resource.status === 'ready' ? <AcceptForm token={token} invitation={resource.data} /> : null}
    </PublicLayout>
  )
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreviewDto }) {
  const { signedIn } = useSession()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = acceptInvitationBody.safeParse({ name, password })
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues))
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      signedIn(await invitationsApi.accept(token, parsed.data))
      navigate('/', { replace: true })
    } catch (error) {
      setSubmitting(false)
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else if (isApiError(error, 'invitation_invalid')) setFormError(INVALID_LINK)
      else if (isApiError(error, 'email_taken')) setFormError('There is already an account for this e-mail address. Sign in instead.')
      else setFormError(describeError(error))
    }
  }

  return (
    <>
      <p>
        You are invited to join <strong>{invitation.organizationName}</strong> as {roleLabel(invitation.role).toLowerCase()}, with
        the e-mail address <strong>{invitation.email}</strong>.
      </p>
      <p className="muted">This link works until {formatDateTime(invitation.expiresAt)}.</p>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      <form ref={formRef} className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="email" value={invitation.email} autoComplete="username" readOnly hidden />
        <TextField label="Name" name="name" autoComplete="name" value={name} onValueChange={setName} error={errors.name} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.passwordMinLength} characters.`}
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            Accept invitation
          </button>
        </div>
      </form>
    </>
  )
}
