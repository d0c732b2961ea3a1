import { formatDateTime, formatRelative, isPast } from '../../ui/dates.js'

/** "in 3 days" for orientation, the full date for certainty; past deadlines say so. */
export function DeadlineText({ deadline }: { deadline: string | null }) {
  if (deadline === null) return <span className="muted">No deadline</span>
  const past = isPast(deadline)
  return (
    <span className={past ? 'deadline deadline--past' : 'deadline'}>
      <span className="deadline__relative">{past ? `Passed ${formatRelative(deadline)}` : formatRelative(deadline)}</span>{' '}
      <time className="deadline__date" dateTime={deadline}>
        {formatDateTime(deadline)}
      </time>
    </span>
  )
}
