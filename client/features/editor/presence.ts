/**
 * Who is in the statement, from Yjs awareness states. Awareness is written by
 * every client, so nothing here trusts its shape: unknown fields are ignored,
 * strings are cut to length and colours must be plain hex.
 */
export interface AwarenessUser {
  id?: string
  name: string
  organization: string
  color: string
}

export interface PresentUser {
  key: string
  name: string
  organization: string
  color: string
  initials: string
  isSelf: boolean
}

const FALLBACK_COLOR = '#5f6368'
const MAX_TEXT = 120

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : ''
}

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const first = words[0]
  if (!first) return '?'
  const last = words.length > 1 ? words[words.length - 1] : undefined
  return ([...first][0]! + (last ? [...last][0]! : '')).toUpperCase()
}

/**
 * One entry per person (the same person in two tabs is one entry), the local
 * person first, then by name.
 */
export function presentUsers(states: Map<number, Record<string, unknown>>, localClientId: number): PresentUser[] {
  const byKey = new Map<string, PresentUser>()
  for (const [clientId, state] of states) {
    const user = state?.user as Record<string, unknown> | undefined
    if (typeof user !== 'object' || user === null) continue
    const name = text(user.name)
    if (name === '') continue
    const organization = text(user.organization)
    const id = text(user.id)
    const key = id !== '' ? `id:${id}` : `name:${name}|${organization}`
    const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : FALLBACK_COLOR
    const isSelf = clientId === localClientId
    const existing = byKey.get(key)
    if (existing) {
      existing.isSelf ||= isSelf
      continue
    }
    byKey.set(key, { key, name, organization, color, initials: initials(name), isSelf })
  }
  return [...byKey.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

/** "Amina Diallo · PRI": the caret label and the presence tooltip say the same thing. */
export function userLabel(user: { name: string; organization: string }): string {
  return user.organization ? `${user.name} · ${user.organization}` : user.name
}
