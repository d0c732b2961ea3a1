import { randomUUID } from 'node:crypto'
import type { AuditEntryDto } from '../../shared/api/responses.js'
import type { AuditAction, AuditEntry } from '../../shared/domain/audit.js'
import { isStaff, type Actor } from '../../shared/domain/permissions.js'
import type { ServiceContext } from './context.js'
import { findReadableStatement } from './statements.js'

export async function recordAudit(
  ctx: ServiceContext,
  statementId: string,
  action: AuditAction,
  actorId: string | null,
  details: Record<string, unknown> = {},
): Promise<AuditEntry> {
  return ctx.storage.audit.append({ id: randomUUID(), statementId, at: ctx.now().toISOString(), action, actorId, details })
}

/**
 * Who signed, and who asked to sign, is for coordinators: an entry for a
 * confidential endorsement would name the organisation (and its signatory as the
 * actor), and outside organisations' submissions are not public until approved.
 */
const SIGN_ON_ACTIONS: ReadonlySet<AuditAction> = new Set([
  'endorsed',
  'endorsement_confirmed',
  'endorsement_withdrawn',
  'endorsement_submitted',
  'endorsement_approved',
  'endorsement_rejected',
])

/**
 * Everyone who can see a statement can read how its text came about:
 * transparency is the point. Sign-on entries are shown to coordinators and admins only.
 */
export async function listAudit(ctx: ServiceContext, actor: Actor, statementId: string): Promise<AuditEntryDto[]> {
  await findReadableStatement(ctx, actor, statementId)
  const [all, users] = await Promise.all([ctx.storage.audit.list(statementId), ctx.storage.users.list()])
  const entries = isStaff(actor) ? all : all.filter((entry) => !SIGN_ON_ACTIONS.has(entry.action))
  const names = new Map(users.map((u) => [u.id, u.name]))
  return entries.map((entry) => ({ ...entry, actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null }))
}
