/**
 * Spreadsheet applications run a cell that starts with one of these as a
 * formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`), and a leading tab or
 * carriage return can hide such a prefix. Organisation names and comments in a
 * sign-off list come from outside organisations, so every exported cell goes
 * through `neutraliseCsvCell` (OWASP, "CSV Injection").
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * Prefixes a single quote to a cell that a spreadsheet would otherwise read as
 * a formula, so it shows as text; every other value is returned unchanged. The
 * quote stays visible in the cell: that is the point (the reader sees what was
 * submitted), and it costs "-5" its number type, which a sign-off list never needs.
 */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value
}
