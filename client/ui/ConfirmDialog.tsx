import type { ReactNode } from 'react'
import { Dialog } from './Dialog.js'
import { ErrorMessage } from './Feedback.js'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  /** `danger` for what cannot be undone. */
  tone?: 'primary' | 'danger'
  busy: boolean
  error: string | null
  onConfirm: () => void
  onCancel: () => void
  'data-testid'?: string
}

/** "Are you sure?" with the consequences spelled out, for actions that affect everyone. */
export function ConfirmDialog({ title, children, confirmLabel, tone = 'primary', busy, error, onConfirm, onCancel, ...rest }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} {...rest}>
      <div className="dialog__text">{children}</div>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="form__actions">
        <button type="button" className={`button button--${tone}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
