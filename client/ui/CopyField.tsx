import { useId, useRef, useState } from 'react'

interface CopyFieldProps {
  label: string
  value: string
  /** What was copied, for the confirmation: "Link copied." */
  noun?: string
  'data-testid'?: string
}

/** A read-only value to pass on (a link), with a Copy button that falls back to selecting it. */
export function CopyField({ label, value, noun = 'Link', 'data-testid': testId }: CopyFieldProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopyState('copied')
    } catch {
      // The Clipboard API needs a secure context and permission; selecting the text lets the person copy it by hand.
      input.current?.select()
      setCopyState('failed')
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input ref={input} id={id} className="input copy-field__input" data-testid={testId} value={value} readOnly onFocus={(event) => event.target.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field__hint" aria-live="polite">
        {copyState === 'copied'
          ? `${noun} copied.`
          : copyState === 'failed'
            ? `Copying is not allowed here: the ${noun.toLowerCase()} is selected, press Ctrl+C (⌘C on a Mac).`
            : ''}
      </p>
    </div>
  )
}
