import { lazy, Suspense } from 'react'
import { useResource } from '../../http/useResource.js'
import { versionsApi, type VersionDto } from '../../http/versions.js'
import { Dialog } from '../../ui/Dialog.js'
import { ErrorBoundary } from '../../ui/ErrorBoundary.js'
import { formatDateTime } from '../../ui/dates.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { formatNumber } from '../../ui/labels.js'
import { savedByText, versionOptionLabel } from './versionSummary.js'

// Tiptap is in the editor's lazily loaded chunk; the viewer shares it rather than pulling it into the main bundle.
const VersionDocument = lazy(() => import('./VersionDocument.js').then((module) => ({ default: module.VersionDocument })))

interface VersionDialogProps {
  statementId: string
  version: VersionDto
  canRestore: boolean
  onCompare: () => void
  onRestore: () => void
  onClose: () => void
}

/** One version's text, read-only, with what can be done with it next. */
export function VersionDialog({ statementId, version, canRestore, onCompare, onRestore, onClose }: VersionDialogProps) {
  const { resource, reload } = useResource(`version:${statementId}:${version.id}`, (signal) => versionsApi.get(statementId, version.id, signal))
  return (
    <Dialog title={versionOptionLabel(version)} size="wide" onClose={onClose} data-testid="version-dialog">
      <p className="muted">
        {formatDateTime(version.createdAt)} · {savedByText(version)} · {formatNumber(version.wordCount)} {version.wordCount === 1 ? 'word' : 'words'}
      </p>
      {resource.status === 'loading' ? <Loading label="Loading the version…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        <ErrorBoundary part="the text of this version">
          <Suspense fallback={<Loading label="Loading the version…" />}>
            <VersionDocument json={resource.data.content.json} label={`Text of version ${version.number}`} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCompare}>
          Compare with current
        </button>
        {canRestore ? (
          <button type="button" className="button button--secondary" onClick={onRestore}>
            Restore this version
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
