import { useId, useRef, useState } from 'react'
import '../../styles/lifecycle.css'

/**
 * The final text's fingerprint, whole, in monospace, with a Copy button: organisations
 * compare it with the text they were sent, so it must be exact and easy to take away.
 */
export function FingerprintField({ fingerprint }: { fingerprint: string }) {
  const labelId = useId()
  const code = useRef<HTMLElement>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copy() {
    try {
      await navigator.clipboard.writeText(fingerprint)
      setCopyState('copied')
    } catch {
      // The Clipboard API needs a secure context and permission; selecting the text lets the person copy it by hand.
      const selection = window.getSelection()
      if (code.current && selection) selection.selectAllChildren(code.current)
      setCopyState('failed')
    }
  }

  return (
    <div className="fingerprint" role="group" aria-labelledby={labelId}>
      <span className="fingerprint__label" id={labelId}>
        Fingerprint
      </span>
      <div className="fingerprint__row">
        <code className="fingerprint__value" data-testid="fingerprint" ref={code}>
          {fingerprint}
        </code>
        <button type="button" className="button button--quiet" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> fingerprint</span>
        </button>
      </div>
      <p className="fingerprint__status" aria-live="polite">
        {copyState === 'copied' ? 'Fingerprint copied.' : copyState === 'failed' ? 'Copying is not allowed here: the fingerprint is selected, press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
    </div>
  )
}
