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
