import { useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { setupBody } from '../../../shared/api/auth.js'
import { LIMITS } from '../../../shared/limits.js'
import { isApiError } from '../../http/ApiError.js'
import { authApi } from '../../http/auth.js'
import { fieldErrorsFromError, fieldErrorsFromIssues, type FieldErrors } from '../../http/fieldErrors.js'
import { useResource } from '../../http/useResource.js'
import { PublicLayout } from '../../app/PublicLayout.js'
import { useSession } from '../../app/SessionContext.js'
import { describeError, ErrorMessage, LoadError, Loading } from '../../ui/Feedback.js'
import { TextField } from '../../ui/FormField.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'

export const DEFAULT_SECRETARIAT_NAME = 'Alliance Secretariat'

/** First run: whoever holds the setup link printed by the server creates the administrator. */
export function SetupPage() {
  useDocumentTitle('Set up Plenary')
  const { resource, reload } = useResource('setup', (signal) => authApi.setupNeeded(signal))

  return (
    <PublicLayout>
      <h1>Set up Plenary</h1>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' && !resource.data.needed ? (
        <>
          <p>Plenary is already set up.</p>
          <p>
            <Link to="/login">Sign in</Link>
          </p>
        </>
      ) : null}
      {resource.status === 'ready' && resource.data.needed ? <SetupForm /> : null}
    </PublicLayout>
  )
}

function SetupForm() {
  const { token = '' } = useParams()
  const { signedIn } = useSession()
  const navigate = useNavigate()
  const [values, setValues] = useState({ name: '', email: '', password: '', organizationName: DEFAULT_SECRETARIAT_NAME })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)

  const set = (field: keyof typeof values) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }))

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = setupBody.safeParse({ token, ...values })
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues))
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      signedIn(await authApi.setup(parsed.data))
      navigate('/', { replace: true })
    } catch (error) {
      setSubmitting(false)
      const fieldErrors = fieldErrorsFromError(error)
      if (fieldErrors) setErrors(fieldErrors)
      else if (isApiError(error, 'setup_unavailable')) setFormError('This setup link is invalid, or Plenary is already set up.')
      else setFormError(describeError(error))
    }
  }

  return (
    <>
      <p>Create the first administrator. You can invite everyone else once you are signed in.</p>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      {errors[''] || errors.token ? <ErrorMessage>{errors[''] ?? `Setup link: ${errors.token}`}</ErrorMessage> : null}
      <form ref={formRef} className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <TextField label="Name" name="name" autoComplete="name" value={values.name} onValueChange={set('name')} error={errors.name} required />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          value={values.email}
          onValueChange={set('email')}
          error={errors.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.passwordMinLength} characters.`}
          value={values.password}
          onValueChange={set('password')}
          error={errors.password}
          required
        />
        <TextField
          label="Organisation"
          name="organizationName"
          autoComplete="organization"
          hint="The secretariat that runs the alliance. You can add member organisations later."
          value={values.organizationName}
          onValueChange={set('organizationName')}
          error={errors.organizationName}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            Create administrator
          </button>
        </div>
      </form>
    </>
  )
}
