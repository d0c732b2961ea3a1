import type { EcosocStatus } from '../domain/organization.js'

/** How exports and lists name a consultative status, in English as UN documents do. */
const LABELS: Record<EcosocStatus, string> = {
  general: 'General consultative status',
  special: 'Special consultative status',
  roster: 'Roster',
  none: 'No consultative status',
}

export function ecosocStatusLabel(status: EcosocStatus): string {
  return LABELS[status]
}
