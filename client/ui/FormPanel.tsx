import { useEffect, useRef, type FormEvent, type ReactNode } from 'react'
import type { FieldErrors } from '../http/fieldErrors.js'
import { ErrorMessage, StatusMessage } from './Feedback.js'
import { useFocusFirstError } from './useFocusFirstError.js'
import { FormActions } from './FormActions.js'

interface FormPanelProps {
  /** The heading, which also names the form for assistive technology (and `getByRole('form', { name })`). */
  title: string
  headingId: string
  errors: FieldErrors
  formError: string | null
  /** "… was added.": announced politely. */
  done?: string | null
  submitLabel: string
  submitting: boolean
  onSubmit: () => void
  onCancel?: () => void
  /** An edit form opened by a button: focus moves to its heading, so the person lands in it. */
  focusOnMount?: boolean
  children: ReactNode
}

/** The frame of an administration form: heading, confirmation, errors, the fields, the buttons. */
export function FormPanel({ title, headingId, errors, formError, done, submitLabel, submitting, onSubmit, onCancel, focusOnMount, children }: FormPanelProps) {
  const formRef = useRef<HTMLFormElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusFirstError(formRef, errors)
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus()
  }, [focusOnMount])

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    onSubmit()
  }

  return (
    <form ref={formRef} className="form panel" onSubmit={handleSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <div className="live-slot" aria-live="polite">
        {done ? <StatusMessage>{done}</StatusMessage> : null}
      </div>
      {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
      {errors[''] ? <ErrorMessage>{errors['']}</ErrorMessage> : null}
      {children}
      <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
    </form>
  )
}
