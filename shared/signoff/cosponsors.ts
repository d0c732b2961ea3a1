import { ECOSOC_STATUSES, type EcosocStatus } from '../domain/organization.js'

/**
 * The order of a sign-off list and the co-sponsor block that goes under a
 * statement submitted to a UN body. Pure: the client previews exactly what the
 * server exports.
 */
export const COSPONSOR_ORDERS = ['name', 'country', 'status', 'date'] as const
export type CosponsorOrder = (typeof COSPONSOR_ORDERS)[number]

/** What ordering and the co-sponsor block read from an endorsement. */
export interface CosponsorEntry {
  organization: { name: string; country: string; ecosocStatus: EcosocStatus }
  /** ISO 8601 instant at which the organisation endorsed (or re-confirmed) the text. */
  confirmedAt: string
  /** Confidential endorsers are counted, never named: the block skips them even if a caller forgets to. */
  confidential?: boolean
}

export interface CosponsorBlock {
  /** Organisations with consultative status: one line, or one line per status when ordered by status. */
  lines: string[]
  /** The sentence naming organisations without consultative status; null when there are none. */
  closingSentence: string | null
}

// Base sensitivity: "Ärzte" sorts with "Arzte", "amnesty" with "Amnesty".
const collator = new Intl.Collator('en', { sensitivity: 'base' })

// "The Howard League" files under H, as in any printed list of organisations.
const LEADING_ARTICLE = /^the\s+/i

function sortName(name: string): string {
  return name.trim().replace(LEADING_ARTICLE, '')
}

function byName(a: CosponsorEntry, b: CosponsorEntry): number {
  return collator.compare(sortName(a.organization.name), sortName(b.organization.name))
}

function statusRank(status: EcosocStatus): number {
  const rank = ECOSOC_STATUSES.indexOf(status)
  return rank === -1 ? ECOSOC_STATUSES.length : rank
}

function instant(iso: string): number {
  const ms = Date.parse(iso)
  // An unreadable date sorts last rather than throwing the whole list away.
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms
}

const COMPARATORS: Record<CosponsorOrder, (a: CosponsorEntry, b: CosponsorEntry) => number> = {
  name: byName,
  country: (a, b) => collator.compare(a.organization.country.trim(), b.organization.country.trim()) || byName(a, b),
  status: (a, b) => statusRank(a.organization.ecosocStatus) - statusRank(b.organization.ecosocStatus) || byName(a, b),
  // Parsed rather than compared as strings: "…+02:00" and "…Z" instants must compare as instants.
  date: (a, b) => {
    const difference = instant(a.confirmedAt) - instant(b.confirmedAt)
    return Number.isNaN(difference) ? 0 : difference
  },
}

/** A new array in the requested order; entries that compare equal keep their input order (Array#sort is stable). */
export function orderEndorsements<T extends CosponsorEntry>(list: readonly T[], order: CosponsorOrder): T[] {
  return [...list].sort(COMPARATORS[order])
}

/** "A", "A and B", "A, B and C": no comma before "and", as UN documents write lists. */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** Ends a sentence without doubling the full stop of a name such as "Juristen e.V.". */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`
}

/** A name as it reads in a sentence: a line break or a run of spaces pasted into a form is one space. */
function inline(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function displayName(entry: CosponsorEntry): string {
  return inline(entry.organization.name)
}

function nameWithCountry(entry: CosponsorEntry): string {
  const name = displayName(entry)
  const country = inline(entry.organization.country)
  return country === '' ? name : `${name} (${country})`
}

const STATUS_LINE_PREFIX: Record<Exclude<EcosocStatus, 'none'>, string> = {
  general: 'In general consultative status with ECOSOC',
  special: 'In special consultative status with ECOSOC',
  roster: 'On the ECOSOC roster',
}

/**
 * The co-sponsor block in the form UN bodies expect:
 *
 * - ordered by status, one line per status that has organisations, names only:
 *   "In general consultative status with ECOSOC: A, B and C."
 *   "In special consultative status with ECOSOC: D."
 *   "On the ECOSOC roster: E and F."
 * - any other order, one line with countries:
 *   "Endorsed by: A (Kenya), B (Austria) and C (Brazil)."
 * - organisations without status, in the same order, in the closing sentence
 *   that ECOSOC uses for written statements:
 *   "The following organisations without consultative status also share the
 *   views expressed in this statement: X and Y." (singular for one).
 */
export function cosponsorBlock(list: readonly CosponsorEntry[], order: CosponsorOrder): CosponsorBlock {
  const named = orderEndorsements(
    list.filter((entry) => entry.confidential !== true),
    order,
  )
  const withStatus = named.filter((entry) => entry.organization.ecosocStatus !== 'none')
  const withoutStatus = named.filter((entry) => entry.organization.ecosocStatus === 'none')

  const lines: string[] = []
  if (order === 'status') {
    for (const status of ['general', 'special', 'roster'] as const) {
      const names = withStatus.filter((entry) => entry.organization.ecosocStatus === status).map(displayName)
      if (names.length > 0) lines.push(sentence(`${STATUS_LINE_PREFIX[status]}: ${joinWithAnd(names)}`))
    }
  } else if (withStatus.length > 0) {
    lines.push(sentence(`Endorsed by: ${joinWithAnd(withStatus.map(nameWithCountry))}`))
  }

  return { lines, closingSentence: closingSentence(withoutStatus.map(displayName)) }
}

function closingSentence(names: string[]): string | null {
  if (names.length === 0) return null
  const subject =
    names.length === 1
      ? 'The following organisation without consultative status also shares'
      : 'The following organisations without consultative status also share'
  return sentence(`${subject} the views expressed in this statement: ${joinWithAnd(names)}`)
}
