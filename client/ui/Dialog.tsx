import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  title: ReactNode
  onClose: () => void
  children: ReactNode
  /** `narrow` for a question or a short form, `wide` for reading a text. */
  size?: 'narrow' | 'wide'
  'data-testid'?: string
}

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside,
 * makes the page behind it inert and closes it with Escape. It is rendered only
 * while open; Escape, the close button and the caller's own buttons all go
 * through `onClose`, so the parent's state is the one truth about whether it is open.
 *
 * The element's `close` event is deliberately not used: StrictMode runs the effect's
 * cleanup (which closes the element) and the effect again, and a `close` listener
 * would take that for the person closing it.
 */
export function Dialog({ title, onClose, children, size = 'narrow', ...rest }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.showModal()
    // The heading by default, so people hear what is asked before they act and Enter cannot confirm by accident;
    // a form's dialog marks its first field instead.
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog__title')
    first?.focus()
    const handleCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', handleCancel)
    return () => {
      dialog.removeEventListener('cancel', handleCancel)
      if (dialog.open) dialog.close()
      // Back to the button that opened it, unless that button is gone (the list it was in reloaded).
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog ref={ref} className={`dialog dialog--${size}`} aria-labelledby={headingId} {...rest}>
      <div className="dialog__header">
        <h2 id={headingId} className="dialog__title" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label="Close dialog" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  )
}
