import { compareMeetings } from '../../../shared/domain/meeting.js'
import { forumsApi } from '../../http/forums.js'
import { meetingsApi } from '../../http/meetings.js'
import { useResource } from '../../http/useResource.js'
import { workingGroupsApi } from '../../http/workingGroups.js'

/**
 * Forums (for their presets), meetings, the chosen meeting's agenda items and the working groups,
 * for the statement form. Every member may read them; each list is null until it has loaded.
 */
export function useStatementContext(meetingId: string) {
  const forums = useResource('forums', (signal) => forumsApi.list(signal))
  const meetings = useResource('meetings', (signal) => meetingsApi.list({}, signal))
  const workingGroups = useResource('working-groups', (signal) => workingGroupsApi.list(signal))
  const agendaItems = useResource(`agenda-items:${meetingId}`, async (signal) =>
    meetingId === '' ? { agendaItems: [] } : meetingsApi.agendaItems(meetingId, signal),
  )
  const errors = [forums, meetings, workingGroups, agendaItems].flatMap(({ resource }) => (resource.status === 'error' ? [resource.error] : []))
  return {
    forums: forums.resource.status === 'ready' ? forums.resource.data.forums : null,
    meetings: meetings.resource.status === 'ready' ? [...meetings.resource.data.meetings].sort(compareMeetings) : null,
    workingGroups: workingGroups.resource.status === 'ready' ? workingGroups.resource.data.workingGroups : null,
    agendaItems: agendaItems.resource.status === 'ready' ? agendaItems.resource.data.agendaItems : null,
    error: errors[0] ?? null,
  }
}

export type StatementContext = ReturnType<typeof useStatementContext>
