import { formatDateTime } from '../../ui/dates.js'
import { deadlineCountdown } from './deadlineCountdown.js'

/** "Deadline in 3 days" with the exact date for certainty (in a tooltip and for screen readers); overdue says so. */
export function DeadlineCountdownText({ deadline, now }: { deadline: string | null; now: Date }) {
  const countdown = deadlineCountdown(deadline, now)
  if (deadline === null || countdown.urgency === 'none') {
    return (
      <span className="deadline-countdown deadline-countdown--none muted" data-testid="deadline-countdown" data-urgency="none">
        No deadline
      </span>
    )
  }
  return (
    <span className={`deadline-countdown deadline-countdown--${countdown.urgency}`} data-testid="deadline-countdown" data-urgency={countdown.urgency}>
      {countdown.urgency === 'overdue' ? 'Deadline passed: overdue' : `Deadline ${countdown.text}`}{' '}
      <time className="deadline-countdown__date" dateTime={deadline}>
        ({formatDateTime(deadline)})
      </time>
    </span>
  )
}
