const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * "2025-05-12T14:03:27.000Z" → "12 May 2025, 14:03 UTC". Always UTC and always
 * English, whatever the server's locale or zone: an export must read the same
 * wherever it was made, and UN meetings span time zones. An unreadable value
 * is shown as it is.
 */
export function formatUtcTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`
}
