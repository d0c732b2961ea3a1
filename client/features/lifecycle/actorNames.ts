import type { AuditAction } from '../../../shared/domain/audit.js'
import type { AuditEntryDto } from '../../http/lifecycle.js'

/**
 * The name of the person `userId` who did `action`, read from the audit trail:
 * everyone who can read a statement may read its trail, while the list of
 * people is for staff only. The latest entry of that action by that person
 * wins; any other entry by them will do. `undefined` when the trail does not
 * name them yet (the entry is written just after the statement changes).
 */
export function actorNameFromAudit(entries: readonly AuditEntryDto[], userId: string, action: AuditAction): string | undefined {
  const byThem = entries.filter((entry) => entry.actorId === userId)
  if (byThem.length === 0) return undefined
  const best = [...byThem].reverse().find((entry) => entry.action === action) ?? byThem[byThem.length - 1]!
  return best.actorName ?? 'a former member'
}
