import { useMemo } from 'react'
import { isStaff } from '../../../shared/domain/permissions.js'
import { useMe } from '../../app/SessionContext.js'
import { lifecycleApi } from '../../http/lifecycle.js'
import { useResource } from '../../http/useResource.js'
import { formatDateTime, formatRelative } from '../../ui/dates.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { useOrganizationOptions } from '../statements/useOrganizations.js'
import { auditActor, describeAuditEntry, type AuditWordingContext } from './auditWording.js'

/** The statement's audit trail in words, newest first: who did what, when. Everyone who can read the statement sees it. */
export function ActivityList({ statementId, refreshKey }: { statementId: string; refreshKey: string }) {
  const { resource, reload } = useResource(`audit:${statementId}:${refreshKey}`, (signal) => lifecycleApi.audit(statementId, signal), {
    keepPrevious: true,
  })
  const { organizations } = useOrganizationOptions()
  const staff = isStaff(useMe().user)
  const context = useMemo<AuditWordingContext>(() => {
    const names = new Map((organizations ?? []).map((organization) => [organization.id, organization.shortName ?? organization.name]))
    return { organizationName: (id) => names.get(id), formatDate: formatDateTime, namesEndorsers: staff }
  }, [organizations, staff])

  if (resource.status === 'loading') return <Loading label="Loading activity…" />
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />
  const entries = [...resource.data.entries].reverse()

  return (
    <div className="activity">
      <div className="history-list-heading">
        <h3 id="activity-heading">Activity, newest first</h3>
        <button type="button" className="button button--quiet" onClick={reload} disabled={resource.refreshing}>
          Refresh
        </button>
      </div>
      {entries.length === 0 ? <p className="muted">Nothing has happened yet.</p> : null}
      <ol className="activity__list" aria-labelledby="activity-heading" data-testid="audit-trail">
        {entries.map((entry) => (
          <li key={entry.id} className={`activity__entry activity__entry--${entry.action}`} data-testid="audit-entry" data-action={entry.action}>
            <p className="activity__what">
              <strong>{auditActor(entry)}</strong> {describeAuditEntry(entry, context)}
            </p>
            <p className="activity__when">
              <time dateTime={entry.at}>{formatRelative(entry.at)}</time> · {formatDateTime(entry.at)}
            </p>
          </li>
        ))}
      </ol>
    </div>
  )
}
