import type { VersionDto } from '../../http/versions.js'
import { Badge } from '../../ui/Badge.js'
import { formatDateTime, formatRelative } from '../../ui/dates.js'
import { formatNumber } from '../../ui/labels.js'
import { changedByText, savedByText, versionBadge, versionTitle } from './versionSummary.js'

interface VersionItemProps {
  version: VersionDto
  canRestore: boolean
  onView: () => void
  onCompare: () => void
  onRestore: () => void
}

/** One version in the history: what, when, who, how long, and what can be done with it. */
export function VersionItem({ version, canRestore, onView, onCompare, onRestore }: VersionItemProps) {
  const badge = versionBadge(version)
  const changedBy = changedByText(version)
  // The buttons repeat in every item; the hidden part tells screen-reader users which version each acts on.
  const which = <span className="visually-hidden"> version {version.number}</span>
  return (
    <li className={`version version--${version.kind}`} data-testid="version-item" data-version-number={version.number}>
      <div className="version__head">
        <h4 className="version__title">
          <span className="version__number">v{version.number}</span> {versionTitle(version)}
        </h4>
        {badge ? <Badge tone={badge.tone}>{badge.label}</Badge> : null}
      </div>
      <p className="version__meta">
        <time dateTime={version.createdAt} title={formatDateTime(version.createdAt)}>
          {formatRelative(version.createdAt)}
        </time>
        <span className="version__date"> · {formatDateTime(version.createdAt)}</span>
      </p>
      <p className="version__meta">
        {savedByText(version)} · {formatNumber(version.wordCount)} {version.wordCount === 1 ? 'word' : 'words'}
      </p>
      {changedBy ? <p className="version__meta">{changedBy}</p> : null}
      <div className="version__actions">
        <button type="button" className="button button--quiet" onClick={onView}>
          View{which}
        </button>
        <button type="button" className="button button--quiet" onClick={onCompare}>
          Compare with current<span className="visually-hidden"> text, from version {version.number}</span>
        </button>
        {canRestore ? (
          <button type="button" className="button button--quiet" onClick={onRestore}>
            Restore{which}
          </button>
        ) : null}
      </div>
    </li>
  )
}
