import type { SIGNOFF_FORMATS, SIGNOFF_ORDERS } from '../../shared/api/endorsements.js'
import { segment } from './request.js'

export type SignoffFormat = (typeof SIGNOFF_FORMATS)[number]
export type SignoffOrder = (typeof SIGNOFF_ORDERS)[number]

/**
 * The sign-off export is a file download, not JSON for the page: a plain link
 * (`<a href download>`) fetches it with the session cookie and lets the browser
 * save it under the server's file name.
 */
export function signoffUrl(statementId: string, format: SignoffFormat, order: SignoffOrder): string {
  return `/api/statements/${segment(statementId)}/signoff?${new URLSearchParams({ format, order }).toString()}`
}

/** The public, server-rendered page that shows who endorsed the text with this fingerprint. Not a client route. */
export function verificationUrl(fingerprint: string): string {
  // The colon stays readable ("/verify/sha256:1a2b…"), as in the server's own links; it is valid in a path.
  return `/verify/${segment(fingerprint).replace(/%3A/gi, ':')}`
}
