/**
 * One hostile fixture for every output-safety test, on the server
 * (server/test/outputSafety.test.ts) and in the browser (e2e/outputSafety.spec.ts):
 * markup that runs script if any page or export inserts it unescaped, a
 * template expression, right-to-left overrides, and spreadsheet formula
 * triggers at the start of a value. Pure data: no test library imports.
 */
export const PAYLOADS = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  title: '</title><svg onload=alert(1)>',
  template: '{{7*7}}',
  // RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING: "exe.txt" shows as "txt.exe".
  rtl: '\u202Eexe.txt\u202C',
} as const

/** Every markup payload in one run of text. */
export const MARKUP = Object.values(PAYLOADS).join(' ')

/**
 * A value a spreadsheet would run as a formula, for each trigger OWASP lists:
 * = + - @, and a tab or carriage return in front of one. The API trims
 * whitespace from names, so the last two arrive as "=1+1 …".
 */
export const FORMULA_HEADS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3+cmd', '@SUM(1,1)', '\t=1+1', '\r=1+1'] as const

/** A field's hostile value: a formula trigger, a label that tells the fields apart, and every markup payload. */
export function hostile(label: string, head: string = FORMULA_HEADS[0]): string {
  return `${head} ${label} ${MARKUP}`
}

/** What the server stores for a value sent through the API, which trims text fields. */
export function stored(value: string): string {
  return value.trim()
}

/**
 * Link targets forged into the document with a link mark (the editor never
 * creates them): script, data and vbscript schemes, mixed case, whitespace and
 * control characters a browser ignores, and a scheme spelled with an entity.
 */
export const UNSAFE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' \t java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
] as const

export const SAFE_HREF = 'https://www.unodc.org/unodc/en/commissions/CCPCJ/'
