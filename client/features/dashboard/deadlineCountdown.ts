export type DeadlineUrgency = 'none' | 'later' | 'soon' | 'today' | 'overdue'

export interface DeadlineCountdown {
  urgency: DeadlineUrgency
  /** "in 3 days", "in 5 hours", "overdue", "no deadline". */
  text: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** The dashboard's "needs my action" window: the same week the server uses. */
const SOON = 7 * DAY

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/**
 * How long is left until a deadline, in whole units rounded down, so "in 1 day" never
 * promises more time than there is: 47 hours left is "in 1 day", not "in 2 days".
 */
export function deadlineCountdown(deadline: string | null, now: Date): DeadlineCountdown {
  if (deadline === null) return { urgency: 'none', text: 'no deadline' }
  const left = Date.parse(deadline) - now.getTime()
  if (Number.isNaN(left)) return { urgency: 'none', text: 'no deadline' }
  if (left < 0) return { urgency: 'overdue', text: 'overdue' }
  if (left < HOUR) return { urgency: 'today', text: `in ${plural(Math.max(1, Math.floor(left / MINUTE)), 'minute')}` }
  if (left < DAY) return { urgency: 'today', text: `in ${plural(Math.floor(left / HOUR), 'hour')}` }
  return { urgency: left <= SOON ? 'soon' : 'later', text: `in ${plural(Math.floor(left / DAY), 'day')}` }
}
