import { useState, type FormEvent } from 'react'
import { CURRENT_TEXT, type CompareTarget, type VersionDto } from '../../http/versions.js'
import { ErrorMessage } from '../../ui/Feedback.js'
import { SelectField } from '../../ui/FormField.js'
import { versionOptionLabel } from './versionSummary.js'

interface CompareFormProps {
  versions: VersionDto[]
  onCompare: (from: string, to: CompareTarget) => void
}

/** Any two versions, or a version and the text as it is now. */
export function CompareForm({ versions, onCompare }: CompareFormProps) {
  const [from, setFrom] = useState<string>('')
  const [to, setTo] = useState<CompareTarget>(CURRENT_TEXT)
  const [error, setError] = useState<string | null>(null)
  // The list reloads after every save or restore; a choice that is gone falls back to the newest version.
  const fromId = versions.some((version) => version.id === from) ? from : (versions[0]?.id ?? '')
  const toId = to === CURRENT_TEXT || versions.some((version) => version.id === to) ? to : CURRENT_TEXT

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    if (fromId === toId) {
      setError('Choose two different versions.')
      return
    }
    setError(null)
    onCompare(fromId, toId)
  }

  return (
    <form className="form compare-form" aria-label="Compare two versions" onSubmit={handleSubmit} noValidate>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <SelectField label="Compare from" name="from" value={fromId} onChange={(event) => setFrom(event.target.value)}>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {versionOptionLabel(version)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Compare to" name="to" value={toId} onChange={(event) => setTo(event.target.value)}>
        <option value={CURRENT_TEXT}>Current text</option>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {versionOptionLabel(version)}
          </option>
        ))}
      </SelectField>
      <div>
        <button type="submit" className="button button--secondary">
          Compare
        </button>
      </div>
    </form>
  )
}
