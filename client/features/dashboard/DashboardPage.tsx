import { Link } from 'react-router'
import type { NeedsActionDto } from '../../../shared/api/dashboard.js'
import { canCreateStatement, canManageMeetings } from '../../../shared/domain/permissions.js'
import { useMe } from '../../app/SessionContext.js'
import { dashboardApi } from '../../http/dashboard.js'
import { useResource } from '../../http/useResource.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { DashboardStatementItem } from './DashboardStatementItem.js'
import { deadlineCountdown } from './deadlineCountdown.js'
import { MeetingSection } from './MeetingSection.js'
import '../../styles/dashboard.css'

function reasonText(action: NeedsActionDto, now: Date): string {
  if (action.reason === 'not_endorsed') return 'The text is locked and your organisation has not endorsed it yet.'
  return `You can edit it and the deadline is ${deadlineCountdown(action.item.statement.deadline, now).text}.`
}

/** The home page: what needs the person now, then the upcoming meetings with their statements, then the rest. */
export function DashboardPage() {
  useDocumentTitle('Dashboard')
  const { user } = useMe()
  const { resource, reload } = useResource('dashboard', (signal) => dashboardApi.get(signal))
  const canCreate = canCreateStatement(user)
  const canPlan = canManageMeetings(user)

  if (resource.status === 'loading') return <Loading label="Loading the dashboard…" />
  if (resource.status === 'error') {
    return (
      <div className="dashboard">
        <h1>Dashboard</h1>
        <LoadError error={resource.error} onRetry={reload} />
      </div>
    )
  }

  // One instant for the whole page, so two rows never disagree about what "in 1 day" means.
  const now = new Date()
  const { upcomingMeetings, otherStatements, needsMyAction } = resource.data
  const empty = upcomingMeetings.length === 0 && otherStatements.length === 0

  return (
    <div className="dashboard">
      <div className="page-heading">
        <h1>Dashboard</h1>
        <Link to="/statements" className="button button--secondary">
          All statements
        </Link>
      </div>

      {needsMyAction.length > 0 ? (
        <section className="dashboard-section dashboard-section--action" aria-labelledby="needs-action-heading" data-testid="needs-action">
          <h2 id="needs-action-heading">Needs my action</h2>
          <ul className="dashboard-list">
            {needsMyAction.map((action) => (
              <DashboardStatementItem key={`${action.reason}:${action.item.statement.id}`} item={action.item} now={now} reason={reasonText(action, now)} />
            ))}
          </ul>
        </section>
      ) : null}

      {empty ? (
        <section className="empty-state" data-testid="dashboard-empty">
          <h2>Nothing planned yet</h2>
          {canPlan ? (
            <p>
              Start by adding the next meeting your alliance will attend in <Link to="/admin?tab=meetings">Administration → Meetings</Link>, with its
              agenda items. Then start a statement for it from <Link to="/statements">Statements</Link>: its limits and deadline come from the
              forum&rsquo;s presets.
            </p>
          ) : (
            <p>There are no upcoming meetings or statements you can see yet. Coordinators add meetings and start statements; they will appear here.</p>
          )}
        </section>
      ) : (
        <>
          <section className="dashboard-section" aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">Upcoming meetings</h2>
            {upcomingMeetings.length === 0 ? (
              <p className="muted">
                No upcoming meetings.{' '}
                {canPlan ? <Link to="/admin?tab=meetings">Add the next meeting in Administration → Meetings</Link> : null}
              </p>
            ) : (
              upcomingMeetings.map((entry) => <MeetingSection key={entry.meeting.id} entry={entry} now={now} canCreate={canCreate} />)
            )}
          </section>
          {otherStatements.length > 0 ? (
            <section className="dashboard-section" aria-labelledby="other-heading">
              <h2 id="other-heading">Other statements</h2>
              <p className="muted">Not tied to an upcoming meeting, and still open.</p>
              <ul className="dashboard-list">
                {otherStatements.map((item) => (
                  <DashboardStatementItem key={item.statement.id} item={item} now={now} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  )
}
