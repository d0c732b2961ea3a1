import { useRef, useState, type FormEvent } from 'react'
import { Navigate, useSearchParams } from 'react-router'
import { isApiError } from '../../http/ApiError.js'
import { authApi } from '../../http/auth.js'
import { safeNextPath } from '../../app/nextPath.js'
import { PublicLayout } from '../../app/PublicLayout.js'
import { useSession } from '../../app/SessionContext.js'
import { describeError, ErrorMessage, Loading, StatusMessage } from '../../ui/Feedback.js'
import { TextField } from '../../ui/FormField.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { useFocusFirstError } from '../../ui/useFocusFirstError.js'

export function loginErrorMessage(error: unknown): string {
  if (isApiError(error, 'invalid_credentials')) return 'Wrong e-mail or password'
  if (isApiError(error, 'rate_limited')) return 'Too many attempts, try again in a few minutes'
  return describeError(error)
}

export function LoginPage() {
  useDocumentTitle('Sign in')
  const { state, refresh } = useSession()
  const [searchParams] = useSearchParams()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({})
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, missing)

  // Signing in refreshes the session; this redirect then takes the person where they were going.
  if (state.status === 'signed-in') return <Navigate to={safeNextPath(searchParams.get('next'))} replace />

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    const nextMissing = {
      ...(email.trim() === '' ? { email: 'Enter your e-mail address' } : {}),
      ...(password === '' ? { password: 'Enter your password' } : {}),
    }
    setMissing(nextMissing)
    if (Object.keys(nextMissing).length > 0) return
    setSubmitting(true)
    setError(null)
    try {
      await authApi.login({ email, password })
      await refresh()
    } catch (caught) {
      setError(loginErrorMessage(caught))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PublicLayout>
      <h1>Sign in</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorMessage>{describeError(state.error)}</ErrorMessage> : null}
      {state.status === 'signed-out' && state.reason === 'session-ended' ? <StatusMessage>Your session ended. Sign in again to continue.</StatusMessage> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <form ref={formRef} className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onValueChange={setEmail}
          error={missing.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={missing.password}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            Sign in
          </button>
        </div>
      </form>
      <p className="muted">New here? Ask your alliance coordinator for an invitation link.</p>
    </PublicLayout>
  )
}
