import type { SignonLinkDto } from '../../http/signonLinks.js'
import type { BadgeTone } from '../../ui/Badge.js'

export type SignonLinkState = 'active' | 'revoked' | 'expired'

/** The server says whether a link works (`active`); revoked is told apart from expired by its date. */
export function signonLinkState(link: Pick<SignonLinkDto, 'active' | 'revokedAt'>): SignonLinkState {
  if (link.revokedAt !== null) return 'revoked'
  return link.active ? 'active' : 'expired'
}

export const SIGNON_LINK_BADGES: Record<SignonLinkState, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'neutral' },
}

/** Working links first, newest first: the one to pass on is at the top. */
export function sortSignonLinks(links: readonly SignonLinkDto[]): SignonLinkDto[] {
  return [...links].sort((a, b) => Number(b.active) - Number(a.active) || Date.parse(b.createdAt) - Date.parse(a.createdAt))
}

/** "…/signon/AbCd…wXyZ": enough to tell links apart in a list; the whole link is in the copy field. */
export function shortLink(url: string): string {
  const slash = url.lastIndexOf('/')
  const token = url.slice(slash + 1)
  return token.length > 12 ? `${url.slice(0, slash + 1)}${token.slice(0, 6)}…${token.slice(-4)}` : url
}
