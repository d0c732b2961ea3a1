import { compareMeetings } from '../../../../shared/domain/meeting.js'
import { forumsApi } from '../../../http/forums.js'
import { meetingsApi } from '../../../http/meetings.js'
import { useResource } from '../../../http/useResource.js'
import { LoadError, Loading } from '../../../ui/Feedback.js'
import { MeetingCard } from './MeetingCard.js'
import { MeetingForm } from './MeetingForm.js'
import '../../../styles/admin-context.css'

/** Meetings (sessions of a forum) with their agenda items, soonest first. */
export function MeetingsTab() {
  const { resource, reload } = useResource(
    'admin-meetings',
    async (signal) => {
      const [{ meetings }, { forums }] = await Promise.all([meetingsApi.list({}, signal), forumsApi.list(signal)])
      return { meetings: [...meetings].sort(compareMeetings), forums }
    },
    { keepPrevious: true },
  )
  if (resource.status === 'loading') return <Loading label="Loading meetings…" />
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />
  const { meetings, forums } = resource.data
  return (
    <>
      <h2>Meetings</h2>
      {meetings.length === 0 ? (
        <p className="muted">No meetings yet. Add the next session your alliance will attend; statements for it then show on everyone’s dashboard.</p>
      ) : (
        meetings.map((meeting) => <MeetingCard key={meeting.id} meeting={meeting} forums={forums} onChanged={reload} />)
      )}
      {forums.length === 0 ? <p className="muted">Add a forum first (Forums).</p> : <MeetingForm forums={forums} onSaved={reload} />}
    </>
  )
}
