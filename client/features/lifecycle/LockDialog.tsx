import { useState } from 'react'
import { isApiError } from '../../http/ApiError.js'
import { lifecycleApi, type LockResultDto } from '../../http/lifecycle.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { describeError } from '../../ui/Feedback.js'

interface LockDialogProps {
  statementId: string
  onLocked: (result: LockResultDto) => void
  /** The statement moved on (someone else locked it): the page refetches it. */
  onStale: () => void
  onCancel: () => void
}

/** Locking stops everyone's editing at once, so the question says so before anyone presses the button. */
export function LockDialog({ statementId, onLocked, onStale, onCancel }: LockDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function lock() {
    setBusy(true)
    setError(null)
    try {
      onLocked(await lifecycleApi.lock(statementId))
    } catch (failure) {
      setBusy(false)
      setError(describeError(failure))
      if (isApiError(failure, 'statement_not_drafting')) onStale()
    }
  }

  return (
    <ConfirmDialog
      title="Lock the final text?"
      confirmLabel="Lock final text"
      busy={busy}
      error={error}
      onConfirm={() => void lock()}
      onCancel={onCancel}
      data-testid="lock-dialog"
    >
      <p>Editing stops for everyone, at once, including anyone typing now.</p>
      <p>
        Organisations will endorse exactly this text. Plenary saves it as the final version with a fingerprint that identifies it.
      </p>
      <p>You can unlock it later if it must change; everyone will see the reason you give.</p>
    </ConfirmDialog>
  )
}
