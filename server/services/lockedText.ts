import type { LockedTextDto } from '../../shared/api/responses.js'
import type { Statement, StatementLock } from '../../shared/domain/statement.js'
import { renderJsonToHtml, snapshotJson } from '../render/documentRenderer.js'
import type { ServiceContext } from './context.js'

/** Read from the "Final text" version, not the live document: that is exactly what was locked. */
export async function loadLockedText(ctx: ServiceContext, statement: Statement, lock: StatementLock): Promise<LockedTextDto> {
  const content = await ctx.storage.versions.content(statement.id, lock.versionId)
  if (!content) throw new Error(`The final version ${lock.versionId} of statement ${statement.id} has no content`)
  const snapshot = snapshotJson(content.json as never)
  return {
    title: statement.title,
    forum: statement.forum,
    kind: statement.kind,
    versionNumber: lock.versionNumber,
    lockedAt: lock.lockedAt,
    fingerprint: lock.fingerprint,
    text: snapshot.canonical,
    html: renderJsonToHtml(snapshot.json),
  }
}
