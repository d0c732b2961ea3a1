import type { FingerprintDto, LockResultDto } from '../../shared/api/responses.js'
import { nextStatus, type LifecycleAction } from '../../shared/domain/lifecycle.js'
import { canManageLifecycle, type Actor, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { snapshotDocument } from '../render/documentRenderer.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { statementMutex } from './keyedMutex.js'
import { presentStatement } from './presenters.js'
import { resolveAudience } from './statementAudience.js'
import { findReadableStatement } from './statements.js'
import { recordVersion } from './versions.js'

async function authoriseTransition(ctx: ServiceContext, actor: Actor, statementId: string, action: LifecycleAction): Promise<Statement> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  if (!canManageLifecycle(actor, statement)) throw forbidden(`Only coordinators and admins may ${action} a statement`)
  if (nextStatus(statement.status, action) === null) {
    const code = action === 'lock' ? 'statement_not_drafting' : 'statement_not_locked'
    throw new HttpError(code, `A ${statement.status} statement cannot be ${action === 'close' ? 'closed' : `${action}ed`}`)
  }
  return statement
}

async function saveStatement(ctx: ServiceContext, statementId: string, patch: Partial<Statement>): Promise<Statement> {
  const updated = await ctx.storage.statements.update(statementId, { ...patch, updatedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such statement')
  return updated
}

/**
 * Live connections re-authorise and learn the new status: everyone becomes
 * read-only on lock, drafters edit again on unlock. Announced after the audit
 * entry is written, so a client that reacts by reading the trail finds it.
 */
function announce(ctx: ServiceContext, statement: Statement, audience: StatementAudience): void {
  ctx.events.emit('statementChanged', statement, audience)
}

/**
 * Locks the final text. The room's text is closed and the version recorded in
 * one synchronous step, so the fingerprint is exactly the text that stays; any
 * update a client sends afterwards is refused by the relay.
 */
export async function lockStatement(ctx: ServiceContext, actor: Actor, statementId: string): Promise<LockResultDto> {
  return statementMutex.run(statementId, async () => {
    // Read before anything is written: a failed read cannot leave a saved lock unannounced.
    const audience = await resolveAudience(ctx, await authoriseTransition(ctx, actor, statementId, 'lock'))
    return ctx.documents.withRoom(statementId, async (room) => {
      room.textOpen = false
      try {
        const version = await recordVersion(ctx, room, { kind: 'final', label: 'Final text', createdBy: actor.id })
        if (!version) throw new Error('a final version is always recorded')
        const lock = { lockedAt: ctx.now().toISOString(), lockedBy: actor.id, fingerprint: version.fingerprint, versionId: version.id, versionNumber: version.number }
        const updated = await saveStatement(ctx, statementId, { status: 'locked', lock })
        await recordAudit(ctx, statementId, 'locked', actor.id, { fingerprint: lock.fingerprint, versionId: version.id, versionNumber: version.number })
        announce(ctx, updated, audience)
        const { id, number, label, createdAt, fingerprint, wordCount } = version
        return { status: 'locked' as const, fingerprint: version.fingerprint, version: { id, number, label, createdAt, fingerprint, wordCount } }
      } catch (error) {
        room.textOpen = true
        throw error
      }
    })
  })
}

export async function unlockStatement(ctx: ServiceContext, actor: Actor, statementId: string, reason: string) {
  return statementMutex.run(statementId, async () => {
    const statement = await authoriseTransition(ctx, actor, statementId, 'unlock')
    const audience = await resolveAudience(ctx, statement)
    const updated = await saveStatement(ctx, statementId, {
      status: 'drafting',
      lock: null,
      lastUnlock: { unlockedAt: ctx.now().toISOString(), unlockedBy: actor.id, reason },
    })
    await recordAudit(ctx, statementId, 'unlocked', actor.id, { reason, previousFingerprint: statement.lock?.fingerprint ?? null })
    announce(ctx, updated, audience)
    return presentStatement(updated, actor, audience)
  })
}

export async function closeStatement(ctx: ServiceContext, actor: Actor, statementId: string) {
  return statementMutex.run(statementId, async () => {
    const statement = await authoriseTransition(ctx, actor, statementId, 'close')
    const audience = await resolveAudience(ctx, statement)
    const updated = await saveStatement(ctx, statementId, { status: 'closed', closedAt: ctx.now().toISOString() })
    await recordAudit(ctx, statementId, 'closed', actor.id, { fingerprint: statement.lock?.fingerprint ?? null })
    announce(ctx, updated, audience)
    return presentStatement(updated, actor, audience)
  })
}

export async function currentFingerprint(ctx: ServiceContext, actor: Actor, statementId: string): Promise<FingerprintDto> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  const snapshot = await ctx.documents.withRoom(statementId, (room) => snapshotDocument(room.doc))
  return { fingerprint: snapshot.fingerprint, wordCount: snapshot.wordCount, status: statement.status, lockedFingerprint: statement.lock?.fingerprint ?? null }
}
