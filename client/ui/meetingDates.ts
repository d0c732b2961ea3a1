/**
 * A meeting's calendar dates as one range: "12 May 2026", "12–16 May 2026", "28 Apr – 2 May 2026",
 * "29 Dec 2026 – 2 Jan 2027". Dates are calendar days in the venue's zone, so they are formatted
 * as UTC days and never shifted into the reader's zone.
 */
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function parse(date: string): Date | null {
  const parsed = new Date(`${date}T00:00:00.000Z`)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

export function formatMeetingDates(startDate: string, endDate: string): string {
  const start = parse(startDate)
  const end = parse(endDate)
  if (!start || !end) return `${startDate} – ${endDate}`
  if (startDate === endDate) return full.format(start)
  if (start.getUTCFullYear() !== end.getUTCFullYear()) return `${full.format(start)} – ${full.format(end)}`
  if (start.getUTCMonth() !== end.getUTCMonth()) return `${dayMonth.format(start)} – ${full.format(end)}`
  return `${day.format(start)}–${full.format(end)}`
}
