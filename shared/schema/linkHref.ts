/**
 * The link targets a statement may carry: the web and e-mail. A statement goes
 * to the UN and to every member's browser; a `javascript:`, `data:` or
 * `vbscript:` target would run in the reader's session, and relative or
 * unusual targets (`ftp:`, `tel:`, `/api/…`) have no place in it either.
 */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
// What a browser's URL parser drops before it reads the scheme: leading and
// trailing C0 controls and spaces, and tabs and newlines anywhere
// ("java\tscript:" is "javascript:" to it). Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
const TAB_OR_NEWLINE = /[\t\n\r]/g

/**
 * True when `href` is an absolute http(s) or mailto URL as a browser would
 * read it. Anything else, a non-string attribute forged into the Yjs document
 * included, is refused: the editor does not create or paste such a link, and
 * the renderer draws it without a target (shared/schema/statementExtensions.ts).
 */
export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== 'string') return false
  const url = href.replace(EDGE_CONTROLS, '').replace(TAB_OR_NEWLINE, '')
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  return (LINK_PROTOCOLS as readonly string[]).includes(scheme ?? '')
}
