import { useState } from 'react'
import type { Forum } from '../../../../shared/domain/forum.js'
import type { Meeting } from '../../../../shared/domain/meeting.js'
import { formatMeetingDates } from '../../../ui/meetingDates.js'
import { AgendaItems } from './AgendaItems.js'
import { MeetingForm } from './MeetingForm.js'

interface MeetingCardProps {
  meeting: Meeting
  forums: Forum[]
  onChanged: () => void
}

export function MeetingCard({ meeting, forums, onChanged }: MeetingCardProps) {
  const [agendaOpen, setAgendaOpen] = useState(false)
  const [editing, setEditing] = useState(false)
  const forum = forums.find((candidate) => candidate.id === meeting.forumId)
  return (
    <article className="admin-meeting" aria-labelledby={`meeting-${meeting.id}-name`} data-testid="admin-meeting">
      <div className="admin-meeting__header">
        <div>
          <h3 id={`meeting-${meeting.id}-name`}>
            {forum ? `${forum.shortName} · ` : ''}
            {meeting.name}
          </h3>
          <p className="muted">
            {formatMeetingDates(meeting.startDate, meeting.endDate)}
            {meeting.venue ? ` · ${meeting.venue}` : ''}
          </p>
        </div>
        <div className="admin-meeting__actions">
          <button type="button" className="button button--secondary" aria-expanded={agendaOpen} aria-controls={`agenda-${meeting.id}`} onClick={() => setAgendaOpen(!agendaOpen)}>
            Agenda<span className="visually-hidden"> of {meeting.name}</span>
          </button>
          <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            Edit<span className="visually-hidden"> {meeting.name}</span>
          </button>
        </div>
      </div>
      {editing ? (
        <MeetingForm
          forums={forums}
          meeting={meeting}
          onSaved={() => {
            setEditing(false)
            onChanged()
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {agendaOpen ? <AgendaItems meeting={meeting} /> : null}
    </article>
  )
}
