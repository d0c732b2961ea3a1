/**
 * The speaking-time limit field takes seconds ("180") or minutes:seconds ("3:00"),
 * because UN chairs announce limits as "three minutes" and people type them so.
 * "" → null (no limit); anything unreadable → undefined.
 */
export function parseSpeakingLimit(value: string): number | null | undefined {
  const text = value.trim()
  if (text === '') return null
  const minutesSeconds = /^(\d{1,3}):([0-5]?\d)$/.exec(text)
  if (minutesSeconds) return Number(minutesSeconds[1]) * 60 + Number(minutesSeconds[2])
  if (/^\d+$/.test(text)) return Number(text)
  return undefined
}

/** A whole number typed with or without thousands separators ("1,500", "1 500"); "" → null. */
export function parseWholeNumber(value: string): number | null | undefined {
  const text = value.trim().replace(/[\s,\u00a0\u202f]/g, '')
  if (text === '') return null
  return /^\d+$/.test(text) ? Number(text) : undefined
}
