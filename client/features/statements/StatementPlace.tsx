import type { StatementDto } from '../../../shared/api/dto.js'
import { forumsApi } from '../../http/forums.js'
import { meetingsApi } from '../../http/meetings.js'
import { useResource } from '../../http/useResource.js'
import { workingGroupsApi } from '../../http/workingGroups.js'
import { formatMeetingDates } from '../../ui/meetingDates.js'

type Place = Pick<StatementDto, 'meetingId' | 'agendaItemId' | 'workingGroupId'>

async function loadPlace(place: Place, signal: AbortSignal) {
  const [meeting, agendaItems, forums, workingGroups] = await Promise.all([
    place.meetingId ? meetingsApi.get(place.meetingId, signal) : null,
    place.meetingId && place.agendaItemId ? meetingsApi.agendaItems(place.meetingId, signal) : null,
    place.meetingId ? forumsApi.list(signal) : null,
    place.workingGroupId ? workingGroupsApi.list(signal) : null,
  ])
  return {
    meeting,
    forum: meeting ? forums?.forums.find((forum) => forum.id === meeting.forumId) ?? null : null,
    agendaItem: agendaItems?.agendaItems.find((item) => item.id === place.agendaItemId) ?? null,
    workingGroup: workingGroups?.workingGroups.find((group) => group.id === place.workingGroupId) ?? null,
  }
}

/** Meeting, agenda item and working group in the statement header's list of facts; nothing for a statement without them. */
export function StatementPlace({ statement }: { statement: Place }) {
  const { meetingId, agendaItemId, workingGroupId } = statement
  const { resource } = useResource(`place:${meetingId}:${agendaItemId}:${workingGroupId}`, (signal) =>
    loadPlace({ meetingId, agendaItemId, workingGroupId }, signal),
  )
  if (meetingId === null && workingGroupId === null) return null
  // A name that cannot be loaded is left out rather than shown as an id.
  const place = resource.status === 'ready' ? resource.data : null
  return (
    <>
      {place?.meeting ? (
        <div data-testid="statement-meeting">
          <dt>Meeting</dt>
          <dd>
            {place.forum ? `${place.forum.shortName} · ` : ''}
            {place.meeting.name} ({formatMeetingDates(place.meeting.startDate, place.meeting.endDate)}
            {place.meeting.venue ? `, ${place.meeting.venue}` : ''})
          </dd>
        </div>
      ) : null}
      {place?.agendaItem ? (
        <div data-testid="statement-agenda-item">
          <dt>Agenda item</dt>
          <dd>
            {place.agendaItem.number}. {place.agendaItem.title}
          </dd>
        </div>
      ) : null}
      {place?.workingGroup ? (
        <div data-testid="statement-working-group">
          <dt>Working group</dt>
          <dd>{place.workingGroup.name}</dd>
        </div>
      ) : null}
    </>
  )
}
