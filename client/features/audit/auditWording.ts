import type { StatementKind, Visibility } from '../../../shared/domain/statement.js'
import { formatDuration } from '../../../shared/text/speakingTime.js'
import type { AuditEntryDto } from '../../http/lifecycle.js'
import { formatNumber, kindLabel, visibilityLabel } from '../../ui/labels.js'

/** What the wording needs from outside: organisation names and the reader's date format. */
export interface AuditWordingContext {
  organizationName: (id: string) => string | undefined
  formatDate: (iso: string) => string
  /**
   * Coordinators see who endorsed; members see the trail without the organisations
   * behind endorsement entries, since an entry cannot always tell whether the
   * endorsement was confidential (an outside organisation's submission does not say).
   */
  namesEndorsers?: boolean
}

type Details = Record<string, unknown>

/** "Amina Diallo"; the system acts as "Plenary"; a removed account stays anonymous. */
export function auditActor(entry: Pick<AuditEntryDto, 'actorId' | 'actorName'>): string {
  if (entry.actorName) return entry.actorName
  return entry.actorId === null ? 'Plenary' : 'A former member'
}

/**
 * What happened, as the rest of a sentence that starts with the actor:
 * "changed the title from “A” to “B”", "locked the final text (v3, sha256:1a2b3c4d5e6f…)".
 * The entries come from the server, but `details` is read defensively: an entry
 * written by an older or newer server must still produce a sentence.
 */
export function describeAuditEntry(entry: Pick<AuditEntryDto, 'action' | 'details'>, context: AuditWordingContext): string {
  const details: Details = entry.details ?? {}
  switch (entry.action) {
    case 'statement_created': {
      const title = text(details.title)
      return title ? `created the statement “${title}”` : 'created the statement'
    }
    case 'settings_changed':
      return describeSettings(details.changes, context)
    case 'version_named': {
      const label = text(details.label)
      return `saved version ${numberText(details.versionNumber)}${label ? ` “${label}”` : ''}`
    }
    case 'version_restored':
      return `restored version ${numberText(details.restoredFromVersionNumber)} (now version ${numberText(details.versionNumber)})`
    case 'locked':
      return `locked the final text (v${numberText(details.versionNumber)}, ${shortFingerprint(text(details.fingerprint))})`
    case 'unlocked': {
      const reason = text(details.reason)
      return reason ? `unlocked the text: “${reason}”` : 'unlocked the text'
    }
    case 'closed':
      return 'closed sign-on'
    case 'endorsed':
    case 'endorsement_confirmed':
    case 'endorsement_withdrawn':
    case 'endorsement_submitted':
    case 'endorsement_approved':
    case 'endorsement_rejected':
      return describeEndorsement(entry.action, details, context)
    case 'signon_link_created': {
      const expiresAt = text(details.expiresAt)
      return expiresAt ? `created a sign-on link, valid until ${context.formatDate(expiresAt)}` : 'created a sign-on link'
    }
    case 'signon_link_revoked':
      return 'revoked a sign-on link'
    case 'signoff_exported': {
      const format = text(details.format)
      return format ? `exported the sign-off list (${format.toUpperCase()})` : 'exported the sign-off list'
    }
    default:
      return `made a change (${String(entry.action)})`
  }
}

type EndorsementAction = Extract<
  AuditEntryDto['action'],
  'endorsed' | 'endorsement_confirmed' | 'endorsement_withdrawn' | 'endorsement_submitted' | 'endorsement_approved' | 'endorsement_rejected'
>

/**
 * "endorsed the final text for PRI", "approved the endorsement of Juristas"; without
 * names for members ("approved an endorsement"). A confidential endorsement is never
 * named to members, and its entry says it was confidential only to coordinators.
 */
function describeEndorsement(action: EndorsementAction, details: Details, context: AuditWordingContext): string {
  const organization = context.namesEndorsers ? text(details.organization) : undefined
  const confidential = details.confidential === true
  switch (action) {
    case 'endorsed':
      if (!organization) return confidential ? 'endorsed the final text confidentially' : 'endorsed the final text'
      return `endorsed the final text for ${organization}${confidential ? ' (confidential)' : ''}`
    case 'endorsement_confirmed':
      return organization ? `re-confirmed the endorsement of ${organization} for the current text` : 're-confirmed an endorsement for the current text'
    case 'endorsement_withdrawn':
      return organization ? `withdrew the endorsement of ${organization}` : 'withdrew an endorsement'
    case 'endorsement_submitted':
      return organization ? `received a sign-on from ${organization}, waiting for approval` : 'received a sign-on from an outside organisation'
    case 'endorsement_approved':
      return organization ? `approved the endorsement of ${organization}` : 'approved an endorsement'
    case 'endorsement_rejected':
      return organization ? `rejected the endorsement of ${organization}` : 'rejected an endorsement'
  }
}

/** "sha256:1a2b3c4d5e6f…": enough to tell two texts apart at a glance; the lock banner shows it whole. */
export function shortFingerprint(fingerprint: string | undefined): string {
  if (!fingerprint) return 'no fingerprint'
  const [algorithm, hex] = fingerprint.includes(':') ? fingerprint.split(':', 2) : ['', fingerprint]
  const short = (hex ?? '').length > 12 ? `${(hex ?? '').slice(0, 12)}…` : hex
  return algorithm ? `${algorithm}:${short}` : (short ?? '')
}

interface FieldWording {
  name: string
  format: (value: unknown, context: AuditWordingContext) => string
}

const quoted = (value: unknown) => `“${String(value)}”`

const FIELDS: Record<string, FieldWording> = {
  title: { name: 'title', format: quoted },
  forum: { name: 'forum', format: quoted },
  kind: { name: 'kind', format: (value) => kindLabel(value as StatementKind)?.toLowerCase() ?? String(value) },
  deadline: { name: 'deadline', format: (value, context) => context.formatDate(String(value)) },
  wordLimit: { name: 'word limit', format: (value) => `${typeof value === 'number' ? formatNumber(value) : String(value)} words` },
  speakingLimitSeconds: { name: 'speaking-time limit', format: (value) => (typeof value === 'number' ? formatDuration(value) : String(value)) },
  wordsPerMinute: { name: 'words per minute', format: (value) => String(value) },
  visibility: { name: 'visibility', format: (value) => quoted(visibilityLabel(value as Visibility) ?? value) },
}

function describeSettings(changes: unknown, context: AuditWordingContext): string {
  if (typeof changes !== 'object' || changes === null) return 'changed the settings'
  const phrases = Object.entries(changes as Record<string, unknown>).flatMap(([field, change]) => {
    const { from, to } = (typeof change === 'object' && change !== null ? change : {}) as { from?: unknown; to?: unknown }
    if (field === 'draftingOrganizationIds') return draftingPhrases(from, to, context)
    const wording = FIELDS[field]
    if (!wording) return [`changed the ${field}`]
    if (isEmpty(from) && !isEmpty(to)) return [`set the ${wording.name} to ${wording.format(to, context)}`]
    if (!isEmpty(from) && isEmpty(to)) return [`removed the ${wording.name}`]
    return [`changed the ${wording.name} from ${wording.format(from, context)} to ${wording.format(to, context)}`]
  })
  return phrases.length > 0 ? phrases.join('; ') : 'changed the settings'
}

function draftingPhrases(from: unknown, to: unknown, context: AuditWordingContext): string[] {
  const before = new Set(stringList(from))
  const after = new Set(stringList(to))
  const name = (id: string) => context.organizationName(id) ?? 'a former organisation'
  const added = [...after].filter((id) => !before.has(id)).map(name)
  const removed = [...before].filter((id) => !after.has(id)).map(name)
  const phrases: string[] = []
  if (added.length > 0) phrases.push(`added ${listText(added)} to the drafting organisations`)
  if (removed.length > 0) phrases.push(`removed ${listText(removed)} from the drafting organisations`)
  return phrases.length > 0 ? phrases : ['changed the drafting organisations']
}

/** "A", "A and B", "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function numberText(value: unknown): string {
  return typeof value === 'number' ? String(value) : '?'
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
