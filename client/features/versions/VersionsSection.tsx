import { useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { useResource } from '../../http/useResource.js'
import { CURRENT_TEXT, versionsApi, type CompareTarget, type VersionDto } from '../../http/versions.js'
import { LoadError, Loading, StatusMessage } from '../../ui/Feedback.js'
import { CompareDialog } from './CompareDialog.js'
import { CompareForm } from './CompareForm.js'
import { RestoreDialog } from './RestoreDialog.js'
import { SaveVersionForm } from './SaveVersionForm.js'
import { VersionDialog } from './VersionDialog.js'
import { VersionItem } from './VersionItem.js'
import '../../styles/versions.css'

interface VersionsSectionProps {
  statement: StatementDto
  /** Changes whenever the page learns the statement changed (a lock, an unlock), so the list reloads. */
  refreshKey: string
  onStatementStale: () => void
}

type OpenDialog =
  | { type: 'view'; version: VersionDto }
  | { type: 'compare'; from: string; to: CompareTarget }
  | { type: 'restore'; version: VersionDto; from: 'list' | 'view' }

export function VersionsSection({ statement, refreshKey, onStatementStale }: VersionsSectionProps) {
  const { resource, reload } = useResource(`versions:${statement.id}:${refreshKey}`, (signal) => versionsApi.list(statement.id, signal), {
    keepPrevious: true,
  })
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  // Drafters, while drafting: the same rule the server applies (409 or 403 otherwise, handled below anyway).
  const canChangeText = statement.access === 'edit'
  const versions = resource.status === 'ready' ? resource.data.versions : []

  // "Saved version 3" stops being news once the statement is locked or unlocked.
  const [messageFor, setMessageFor] = useState(refreshKey)
  if (messageFor !== refreshKey) {
    setMessageFor(refreshKey)
    setMessage(null)
  }

  function handleSaved(version: VersionDto) {
    setMessage(`Saved version ${version.number} “${version.label ?? ''}”.`)
    reload()
  }

  function handleRestored(source: VersionDto, restored: VersionDto) {
    setDialog(null)
    setMessage(`Version ${source.number} restored: the text is now version ${restored.number}.`)
    reload()
  }

  return (
    <div className="versions">
      <div aria-live="polite" className="live-slot">
        {message ? <StatusMessage>{message}</StatusMessage> : null}
      </div>
      {canChangeText ? <SaveVersionForm statementId={statement.id} onSaved={handleSaved} onStatementStale={onStatementStale} /> : null}

      {resource.status === 'loading' ? <Loading label="Loading versions…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' && versions.length === 0 ? (
        <p className="muted">
          No versions yet. Plenary saves one automatically when editing pauses for a few minutes
          {canChangeText ? ', or save one with a name above' : ''}.
        </p>
      ) : null}
      {versions.length > 0 ? (
        <>
          <details className="compare-details">
            <summary>Compare two versions</summary>
            <CompareForm versions={versions} onCompare={(from, to) => setDialog({ type: 'compare', from, to })} />
          </details>
          <div className="history-list-heading">
            <h3 id="version-list-heading">Versions, newest first</h3>
            <button type="button" className="button button--quiet" onClick={reload} disabled={resource.status === 'ready' && resource.refreshing}>
              Refresh
            </button>
          </div>
          <ol className="version-list" aria-labelledby="version-list-heading" data-testid="version-list">
            {versions.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                canRestore={canChangeText}
                onView={() => setDialog({ type: 'view', version })}
                onCompare={() => setDialog({ type: 'compare', from: version.id, to: CURRENT_TEXT })}
                onRestore={() => setDialog({ type: 'restore', version, from: 'list' })}
              />
            ))}
          </ol>
        </>
      ) : null}

      {dialog?.type === 'view' || (dialog?.type === 'restore' && dialog.from === 'view') ? (
        <VersionDialog
          statementId={statement.id}
          version={dialog.version}
          canRestore={canChangeText}
          onCompare={() => setDialog({ type: 'compare', from: dialog.version.id, to: CURRENT_TEXT })}
          onRestore={() => setDialog({ type: 'restore', version: dialog.version, from: 'view' })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'compare' ? (
        <CompareDialog statementId={statement.id} from={dialog.from} to={dialog.to} versions={versions} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.type === 'restore' ? (
        <RestoreDialog
          statementId={statement.id}
          version={dialog.version}
          onRestored={(restored) => handleRestored(dialog.version, restored)}
          onStatementStale={onStatementStale}
          // Cancelling from the viewer goes back to the viewer.
          onCancel={() => setDialog(dialog.from === 'view' ? { type: 'view', version: dialog.version } : null)}
        />
      ) : null}
    </div>
  )
}
