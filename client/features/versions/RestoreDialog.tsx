import { useState } from 'react'
import { isApiError } from '../../http/ApiError.js'
import { versionsApi, type VersionDto } from '../../http/versions.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { describeError } from '../../ui/Feedback.js'

interface RestoreDialogProps {
  statementId: string
  version: VersionDto
  onRestored: (restored: VersionDto) => void
  onStatementStale: () => void
  onCancel: () => void
}

/** Restoring replaces everyone's text at once, so it is confirmed; nothing is lost, which the question says. */
export function RestoreDialog({ statementId, version, onRestored, onStatementStale, onCancel }: RestoreDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function restore() {
    setBusy(true)
    setError(null)
    try {
      onRestored(await versionsApi.restore(statementId, version.id))
    } catch (failure) {
      setBusy(false)
      setError(describeError(failure))
      if (isApiError(failure, 'statement_locked')) onStatementStale()
    }
  }

  return (
    <ConfirmDialog
      title={`Restore version ${version.number}?`}
      confirmLabel={`Restore version ${version.number}`}
      busy={busy}
      error={error}
      onConfirm={() => void restore()}
      onCancel={onCancel}
      data-testid="restore-dialog"
    >
      <p>The current text stays in the history.</p>
      <p>Everyone editing now sees the restored text at once, and it is saved as a new version.</p>
    </ConfirmDialog>
  )
}
