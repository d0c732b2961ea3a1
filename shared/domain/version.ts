/**
 * A version is a saved copy of a statement's text: automatic (editing paused, or
 * a long session), named by a drafter, recorded when a version is restored, or
 * the final text recorded when a coordinator locks the statement.
 */
export const VERSION_KINDS = ['automatic', 'named', 'restore', 'final'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

export interface Version {
  id: string
  statementId: string
  /** 1, 2, 3… per statement, in order of creation. */
  number: number
  kind: VersionKind
  /** "Circulated to members, 3 May"; automatic versions have none. */
  label: string | null
  createdAt: string
  /** The person who saved it; null for automatic versions. */
  createdBy: string | null
  /** People and their organisations who changed the text since the previous version. */
  authorIds: string[]
  organizationIds: string[]
  wordCount: number
  /** `sha256:<hex>` of the canonical text (see shared/text/canonicalText.ts). */
  fingerprint: string
  /** For kind `restore`: the version whose content was restored. */
  restoredFromVersionId: string | null
}

/** What a version keeps to show and restore it exactly: the ProseMirror JSON of the statement schema. */
export interface VersionContent {
  json: unknown
}

/** Editing paused this long: record an automatic version. */
export const AUTO_VERSION_PAUSE_MS = 5 * 60 * 1000
/** Editing went on this long without a version: record one anyway. */
export const AUTO_VERSION_MAX_INTERVAL_MS = 30 * 60 * 1000

/** Whether an automatic version is due, given when the text first and last changed since the latest version. */
export function automaticVersionDue(now: number, firstChangeAt: number | null, lastChangeAt: number | null): boolean {
  if (firstChangeAt === null || lastChangeAt === null) return false
  return now - lastChangeAt >= AUTO_VERSION_PAUSE_MS || now - firstChangeAt >= AUTO_VERSION_MAX_INTERVAL_MS
}
