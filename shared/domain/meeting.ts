/** A session of a forum: "CCPCJ 35th session". */
export interface Meeting {
  id: string
  forumId: string
  name: string
  /** Calendar dates as the UN announces them, `YYYY-MM-DD`, in the venue's time zone. */
  startDate: string
  endDate: string
  venue: string
  createdAt: string
  updatedAt: string
}

/** An item on a meeting's agenda; statements are delivered under one. */
export interface AgendaItem {
  id: string
  meetingId: string
  /** As printed on the agenda: "3", "5 (a)". */
  number: string
  title: string
  /** General debates have shorter speaking slots at some forums (see OralPreset). */
  generalDebate: boolean
  createdAt: string
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`: how the server decides what "today" is. */
export function calendarDay(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/** Not over yet: its last day is `today` or later. */
export function isUpcoming(meeting: Pick<Meeting, 'endDate'>, today: string): boolean {
  return meeting.endDate >= today
}

/** Soonest first; meetings that open the same day by name. */
export function compareMeetings(a: Meeting, b: Meeting): number {
  return a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate) || a.name.localeCompare(b.name)
}
