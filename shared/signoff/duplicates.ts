/**
 * Hints for coordinators approving an outside organisation's endorsement: is
 * this someone already on the list, or one of our own members signing through
 * the public form? Hints, not identity: a coordinator decides.
 */
export const DUPLICATE_REASONS = ['same_name', 'same_email_domain', 'member_organization'] as const
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number]

/** What the rules read from an endorsement. */
export interface DuplicateCandidate {
  organization: { id?: string | null; name: string }
  contactEmail: string | null
}

/** What the rules read from a member organisation. */
export interface MemberOrganizationLike {
  id: string
  name: string
  shortName?: string | null
  website?: string | null
}

/**
 * Suffixes that say what legal form an organisation has, not which one it is:
 * "Juristen e.V." and "Juristen" are the same organisation. Compared after
 * punctuation is gone, so "e.V." is "ev" and "Inc." is "inc".
 */
const LEGAL_SUFFIXES = new Set(['ev', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ggmbh', 'asbl', 'vzw', 'ngo', 'ong', 'cic'])

/**
 * A comparison key for organisation names:
 * 1. NFKD, then combining marks removed ("Asociación" → "Asociacion");
 * 2. lower case;
 * 3. "&" becomes "and"; apostrophes and full stops disappear ("Women's" →
 *    "womens", "e.V." → "ev"); every other punctuation mark or symbol becomes a
 *    space ("Human-Rights" → "human rights");
 * 4. runs of whitespace collapse to one space, ends trimmed;
 * 5. a leading "the" and trailing legal-form suffixes (LEGAL_SUFFIXES) are
 *    dropped, unless nothing would be left of the name.
 */
export function normaliseOrganizationName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '')
  if (words.length > 1 && words[0] === 'the') words.shift()
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop()
  return words.join(' ')
}

/** The domain of an e-mail address, lower case; null when there is none. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null
  const at = email.lastIndexOf('@')
  if (at === -1) return null
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '')
  return domain === '' ? null : domain
}

/**
 * Webmail providers shared by millions of unrelated people: two organisations
 * writing from gmail.com says nothing about them being the same, and many
 * small organisations have no domain of their own. A match on these would flag
 * half the list.
 */
const WEBMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.ru',
  'yandex.ru',
])

export function isWebmailDomain(domain: string): boolean {
  return WEBMAIL_DOMAINS.has(domain)
}

/** An e-mail domain that says something about the organisation: not webmail. */
function organizationDomain(email: string | null): string | null {
  const domain = emailDomain(email)
  return domain !== null && !isWebmailDomain(domain) ? domain : null
}

/** "https://www.example.org/about" → "example.org"; null when unreadable. */
function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null
  try {
    const host = new URL(website).hostname.toLowerCase().replace(/^www\./, '')
    return host === '' ? null : host
  } catch {
    return null
  }
}

/** Same domain, or the address is at a subdomain of the website ("geneva.example.org" and "example.org"). */
function sameOrSubdomain(domain: string, host: string): boolean {
  return domain === host || domain.endsWith(`.${host}`)
}

/**
 * Which duplicate rules the candidate meets, in DUPLICATE_REASONS order:
 * - `same_name`: another endorsement's organisation has the same normalised name;
 * - `same_email_domain`: another endorsement's contact e-mail has the same
 *   domain, webmail excluded;
 * - `member_organization`: a member organisation (other than the candidate's
 *   own) has the same normalised name or short name, or its website is at the
 *   candidate's (non-webmail) e-mail domain.
 */
export function duplicateReasons(
  candidate: DuplicateCandidate,
  others: readonly DuplicateCandidate[],
  members: readonly MemberOrganizationLike[],
): DuplicateReason[] {
  const name = normaliseOrganizationName(candidate.organization.name)
  const domain = organizationDomain(candidate.contactEmail)
  const reasons = new Set<DuplicateReason>()

  for (const other of others) {
    if (name !== '' && normaliseOrganizationName(other.organization.name) === name) reasons.add('same_name')
    if (domain !== null && organizationDomain(other.contactEmail) === domain) reasons.add('same_email_domain')
  }

  for (const member of members) {
    if (member.id === candidate.organization.id) continue
    const memberNames = [member.name, member.shortName ?? ''].map(normaliseOrganizationName).filter((key) => key !== '')
    const host = websiteHost(member.website)
    if ((name !== '' && memberNames.includes(name)) || (domain !== null && host !== null && sameOrSubdomain(domain, host))) {
      reasons.add('member_organization')
    }
  }

  return DUPLICATE_REASONS.filter((reason) => reasons.has(reason))
}
