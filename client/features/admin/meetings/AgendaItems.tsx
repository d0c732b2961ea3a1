import type { Meeting } from '../../../../shared/domain/meeting.js'
import { meetingsApi } from '../../../http/meetings.js'
import { useResource } from '../../../http/useResource.js'
import { LoadError, Loading } from '../../../ui/Feedback.js'
import { AgendaItemForm } from './AgendaItemForm.js'

/** A meeting's agenda, and the form that adds to it. */
export function AgendaItems({ meeting }: { meeting: Meeting }) {
  const { resource, reload } = useResource(`admin-agenda:${meeting.id}`, (signal) => meetingsApi.agendaItems(meeting.id, signal), { keepPrevious: true })
  return (
    <div className="admin-meeting__agenda" id={`agenda-${meeting.id}`}>
      {resource.status === 'loading' ? <Loading label="Loading the agenda…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        resource.data.agendaItems.length === 0 ? (
          <p className="muted">No agenda items yet.</p>
        ) : (
          <ul className="plain-list" aria-label={`Agenda of ${meeting.name}`}>
            {resource.data.agendaItems.map((item) => (
              <li key={item.id}>
                {item.number}. {item.title}
                {item.generalDebate ? <span className="muted"> (general debate)</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <AgendaItemForm meetingId={meeting.id} meetingName={meeting.name} onAdded={reload} />
    </div>
  )
}
