import { useState, type FormEvent } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { unlockBody } from '../../../shared/api/lifecycle.js'
import { LIMITS } from '../../../shared/limits.js'
import { isApiError } from '../../http/ApiError.js'
import { fieldErrorsFromError, fieldErrorsFromIssues } from '../../http/fieldErrors.js'
import { lifecycleApi } from '../../http/lifecycle.js'
import { Dialog } from '../../ui/Dialog.js'
import { describeError, ErrorMessage } from '../../ui/Feedback.js'
import { TextAreaField } from '../../ui/FormField.js'

interface UnlockDialogProps {
  statementId: string
  onUnlocked: (statement: StatementDto) => void
  onStale: () => void
  onCancel: () => void
}

/** Unlocking needs a reason, which everyone then sees on the statement and in its activity. */
export function UnlockDialog({ statementId, onUnlocked, onStale, onCancel }: UnlockDialogProps) {
  const [reason, setReason] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleSubmit(event: FormEvent) {
    event.preventDefault()
    setFormError(null)
    const parsed = unlockBody.safeParse({ reason })
    if (!parsed.success) {
      setFieldError(reason.trim() === '' ? 'Enter the reason for unlocking' : fieldErrorsFromIssues(parsed.error.issues).reason)
      return
    }
    setFieldError(undefined)
    setBusy(true)
    try {
      onUnlocked(await lifecycleApi.unlock(statementId, parsed.data))
    } catch (failure) {
      setBusy(false)
      const fieldErrors = fieldErrorsFromError(failure)
      if (fieldErrors?.reason) setFieldError(fieldErrors.reason)
      else setFormError(describeError(failure))
      if (isApiError(failure, 'statement_not_locked')) onStale()
    }
  }

  return (
    <Dialog title="Unlock the final text?" onClose={onCancel} data-testid="unlock-dialog">
      <form className="form" aria-label="Unlock" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <p className="dialog__text">
          Drafters can edit the text again until it is locked again. The locked text and its fingerprint stay in the history.
        </p>
        {formError ? <ErrorMessage>{formError}</ErrorMessage> : null}
        <TextAreaField
          label="Reason"
          name="reason"
          hint="Everyone who can read the statement sees it, for example “PRI asked to correct paragraph 3”."
          rows={3}
          value={reason}
          onValueChange={(value) => {
            setReason(value)
            setFieldError(undefined)
          }}
          error={fieldError}
          maxLength={LIMITS.unlockReasonMaxLength}
          required
          data-autofocus
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Unlock
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
