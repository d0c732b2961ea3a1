import type { ReactNode } from 'react'
import { isApiError } from '../http/ApiError.js'

/** A problem the person must read now: announced immediately by screen readers. */
export function ErrorMessage({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <div className="notice notice--error" role="alert">
      {title ? <p className="notice__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  )
}

/** Good news or progress: announced politely, after what the person is doing. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      {children}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  )
}

/** 409 answers when the statement moved on under the person (someone else locked, unlocked or closed it). */
const LIFECYCLE_CONFLICTS: Partial<Record<string, string>> = {
  statement_locked: 'The text is locked: it cannot change until a coordinator unlocks it.',
  statement_not_drafting: 'The statement is no longer being drafted: someone has locked it already.',
  statement_not_locked: 'The statement is not locked any more: someone has unlocked or closed it already.',
}

/** The sentence to show for an error from the API client, when no page-specific one applies. */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'network_error') return error.message
    if (error.code === 'forbidden') return 'You do not have permission to do this.'
    if (error.code === 'rate_limited') return 'Too many requests. Wait a few minutes and try again.'
    const lifecycle = LIFECYCLE_CONFLICTS[error.code]
    if (lifecycle) return lifecycle
    if (error.status >= 500) return 'Something went wrong on the server. Try again in a moment.'
    return error.message
  }
  return 'Something went wrong. Try again.'
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <ErrorMessage title="This could not be loaded">
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </ErrorMessage>
  )
}
