/**
 * `<input type="datetime-local">` speaks local wall-clock time without a zone
 * ("2025-05-20T14:30"); the API wants an instant with an offset. The conversion
 * uses the browser's zone, which is where the person typing the deadline is.
 */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0')

/** "" → null (no deadline); an unreadable value → undefined. */
export function localInputToIso(value: string): string | null | undefined {
  if (value.trim() === '') return null
  const match = LOCAL_INPUT.exec(value.trim())
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[]
  // The Date constructor normalises times that do not exist locally (a DST gap)
  // to a real instant; formatting its own fields keeps text and offset consistent.
  const date = new Date(year!, month! - 1, day!, hour!, minute!, second!)
  if (Number.isNaN(date.getTime())) return undefined
  return formatWithOffset(date)
}

export function formatWithOffset(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset()
  const sign = offsetMinutes >= 0 ? '+' : '-'
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  )
}

/** An instant from the API as the value a datetime-local input shows; "" for none. */
export function isoToLocalInput(iso: string | null): string {
  if (iso === null) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  )
}
