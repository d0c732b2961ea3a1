import { useRef, useState } from 'react'
import type { InvitationCreatedDto } from '../../../shared/api/dto.js'
import { formatDateTime } from '../../ui/dates.js'

/** The new invitation's link, ready to copy: there is no e-mail sending yet. */
export function InvitationLink({ invitation }: { invitation: InvitationCreatedDto }) {
  const input = useRef<HTMLInputElement>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.url)
      setCopyState('copied')
    } catch {
      // The Clipboard API needs a secure context and permission; selecting the text lets the person copy it by hand.
      input.current?.select()
      setCopyState('failed')
    }
  }

  return (
    <div className="invitation-link" role="group" aria-labelledby="invitation-link-label">
      <p className="notice notice--success" role="status">
        Invitation created. It works until {formatDateTime(invitation.expiresAt)}.
      </p>
      <label className="field__label" id="invitation-link-label" htmlFor="invitation-url">
        Invitation link
      </label>
      <div className="copy-field">
        <input
          ref={input}
          id="invitation-url"
          className="input copy-field__input"
          data-testid="invitation-url"
          value={invitation.url}
          readOnly
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field__hint" aria-live="polite">
        {copyState === 'copied' ? 'Link copied.' : copyState === 'failed' ? 'Copying is not allowed here: the link is selected, press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
    </div>
  )
}
