import { useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { isApiError } from '../../http/ApiError.js'
import { lifecycleApi } from '../../http/lifecycle.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { describeError } from '../../ui/Feedback.js'

interface CloseDialogProps {
  statementId: string
  onClosed: (statement: StatementDto) => void
  onStale: () => void
  onCancel: () => void
}

export function CloseDialog({ statementId, onClosed, onStale, onCancel }: CloseDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function close() {
    setBusy(true)
    setError(null)
    try {
      onClosed(await lifecycleApi.close(statementId))
    } catch (failure) {
      setBusy(false)
      setError(describeError(failure))
      if (isApiError(failure, 'statement_not_locked')) onStale()
    }
  }

  return (
    <ConfirmDialog
      title="Close sign-on?"
      confirmLabel="Close sign-on"
      tone="danger"
      busy={busy}
      error={error}
      onConfirm={() => void close()}
      onCancel={onCancel}
      data-testid="close-dialog"
    >
      <p>Organisations can no longer endorse this statement. Do this once it has been submitted.</p>
      <p>The final text stays locked, and a closed statement cannot be unlocked.</p>
    </ConfirmDialog>
  )
}
