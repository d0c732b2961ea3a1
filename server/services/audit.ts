import { randomUUID } from 'node:crypto'
import type { AuditAction, AuditEntry } from '../../shared/domain/audit.js'
import type { Actor } from '../../shared/domain/permissions.js'
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

export interface AuditEntryDto extends AuditEntry {
  /** The actor's name at the time of reading, for the readable trail; null for the system or a removed account. */
  actorName: string | null
}

/** Everyone who can see a statement can read its trail: transparency is the point. */
export async function listAudit(ctx: ServiceContext, actor: Actor, statementId: string): Promise<AuditEntryDto[]> {
  await findReadableStatement(ctx, actor, statementId)
  const [entries, users] = await Promise.all([ctx.storage.audit.list(statementId), ctx.storage.users.list()])
  const names = new Map(users.map((u) => [u.id, u.name]))
  return entries.map((entry) => ({ ...entry, actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null }))
}
