import { useResource } from '../../http/useResource.js'
import { CURRENT_TEXT, versionsApi, type CompareTarget, type VersionDto } from '../../http/versions.js'
import { Dialog } from '../../ui/Dialog.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { DiffView } from './DiffView.js'
import { versionOptionLabel } from './versionSummary.js'

interface CompareDialogProps {
  statementId: string
  from: string
  to: CompareTarget
  versions: VersionDto[]
  onClose: () => void
}

export function CompareDialog({ statementId, from, to, versions, onClose }: CompareDialogProps) {
  const { resource, reload } = useResource(`diff:${statementId}:${from}:${to}`, (signal) => versionsApi.diff(statementId, from, to, signal))
  const name = (id: string) => {
    const version = versions.find((candidate) => candidate.id === id)
    return version ? versionOptionLabel(version) : 'a version'
  }
  const title = to === CURRENT_TEXT ? `Changes from ${name(from)} to the current text` : `Changes from ${name(from)} to ${name(to)}`

  return (
    <Dialog title={title} size="wide" onClose={onClose} data-testid="compare-dialog">
      {to === CURRENT_TEXT ? (
        <p className="muted">The current text as it was when you opened this comparison; edits made since are not shown.</p>
      ) : null}
      {resource.status === 'loading' ? <Loading label="Comparing…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? <DiffView diff={resource.data} /> : null}
      <div className="form__actions">
        {to === CURRENT_TEXT && resource.status === 'ready' ? (
          <button type="button" className="button button--secondary" onClick={reload}>
            Compare again
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
