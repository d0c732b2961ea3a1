import { Link } from 'react-router'
import type { DashboardMeetingDto } from '../../../shared/api/dashboard.js'
import { formatMeetingDates } from '../../ui/meetingDates.js'
import { DashboardStatementItem } from './DashboardStatementItem.js'

interface MeetingSectionProps {
  entry: DashboardMeetingDto
  now: Date
  /** Coordinators and admins are told how to add the first statement. */
  canCreate: boolean
}

/** An upcoming meeting: forum, name, dates and venue, then its statements by deadline. */
export function MeetingSection({ entry, now, canCreate }: MeetingSectionProps) {
  const { meeting, forum, agendaItems, statements } = entry
  const headingId = `meeting-${meeting.id}`
  return (
    <section className="dashboard-meeting" aria-labelledby={headingId} data-testid="dashboard-meeting" data-meeting-id={meeting.id}>
      <header className="dashboard-meeting__header">
        <h3 id={headingId}>
          <abbr className="dashboard-meeting__forum" title={forum.name}>
            {forum.shortName}
          </abbr>{' '}
          {meeting.name}
        </h3>
        <p className="dashboard-meeting__when">
          {formatMeetingDates(meeting.startDate, meeting.endDate)}
          {meeting.venue ? ` · ${meeting.venue}` : null}
        </p>
      </header>
      {statements.length > 0 ? (
        <ul className="dashboard-list">
          {statements.map((item) => (
            <DashboardStatementItem key={item.statement.id} item={item} now={now} agendaItems={agendaItems} />
          ))}
        </ul>
      ) : (
        <p className="muted">
          No statements for this meeting yet.{' '}
          {canCreate ? (
            <Link to={`/statements?new=1&meetingId=${encodeURIComponent(meeting.id)}`}>Start a statement for {meeting.name}</Link>
          ) : (
            'Coordinators start them; they will appear here.'
          )}
        </p>
      )}
    </section>
  )
}
