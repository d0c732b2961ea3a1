/**
 * ECOSOC consultative status, in the order UN bodies list co-sponsors:
 * general, then special, then roster; `none` for organisations without status.
 */
export const ECOSOC_STATUSES = ['general', 'special', 'roster', 'none'] as const
export type EcosocStatus = (typeof ECOSOC_STATUSES)[number]

export interface Organization {
  id: string
  name: string
  shortName: string | null
  /** Free text as organisations write it ("Kenya", "Austria"); ISO codes would lose "Global". */
  country: string
  ecosocStatus: EcosocStatus
  website: string | null
  createdAt: string
}
