import type { VersionKind } from '../../../shared/domain/version.js'
import type { BadgeTone } from '../../ui/Badge.js'
import type { VersionDto } from '../../http/versions.js'

const KIND_BADGES: Record<VersionKind, { label: string; tone: BadgeTone }> = {
  automatic: { label: 'Automatic', tone: 'neutral' },
  named: { label: 'Named', tone: 'info' },
  restore: { label: 'Restored', tone: 'warning' },
  final: { label: 'Final text', tone: 'success' },
}

type VersionSummaryInput = Pick<VersionDto, 'number' | 'kind' | 'label' | 'createdByName' | 'authorNames' | 'organizationNames'>

/** "Circulated to members", or "Automatic" for the versions the server saves by itself. */
export function versionTitle(version: Pick<VersionDto, 'label'>): string {
  return version.label ?? 'Automatic'
}

/** The kind as a badge, unless the title already says it ("Final text" twice reads as a stutter). */
export function versionBadge(version: Pick<VersionDto, 'kind' | 'label'>): { label: string; tone: BadgeTone } | null {
  const badge = KIND_BADGES[version.kind]
  return badge.label === versionTitle(version) ? null : badge
}

/** "Version 3 · Circulated to members": how selects and dialog titles name a version. */
export function versionOptionLabel(version: Pick<VersionDto, 'number' | 'label'>): string {
  return `Version ${version.number} · ${versionTitle(version)}`
}

/** Who saved it: a person, or the server when editing paused. */
export function savedByText(version: Pick<VersionSummaryInput, 'kind' | 'createdByName'>): string {
  if (version.kind === 'automatic') return 'Saved automatically'
  return `Saved by ${version.createdByName ?? 'a former member'}`
}

/** "Changed by Amina Diallo, Bo Kim (HRW, PRI)"; null when nobody changed the text since the version before. */
export function changedByText(version: Pick<VersionSummaryInput, 'authorNames' | 'organizationNames'>): string | null {
  if (version.authorNames.length === 0 && version.organizationNames.length === 0) return null
  const people = version.authorNames.join(', ')
  const organizations = version.organizationNames.join(', ')
  if (people === '') return `Changed by ${organizations}`
  return organizations === '' ? `Changed by ${people}` : `Changed by ${people} (${organizations})`
}
