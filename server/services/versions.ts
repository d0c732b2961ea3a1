import { randomUUID } from 'node:crypto'
import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { textIsOpen } from '../../shared/domain/lifecycle.js'
import { isDrafter, type Actor, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import type { DiffDto, VersionDto, VersionWithContentDto } from '../../shared/api/responses.js'
import type { Version, VersionKind } from '../../shared/domain/version.js'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../shared/schema/statementExtensions.js'
import { diffTexts } from '../../shared/text/wordDiff.js'
import type { ChangeOrigin } from '../collab/changeTracker.js'
import type { DocumentRoom } from '../collab/documentRoom.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { renderJsonToHtml, snapshotDocument, snapshotJson } from '../render/documentRenderer.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { statementMutex } from './keyedMutex.js'
import { findReadableStatement, findReadableStatementAndAudience } from './statements.js'

const schema = getSchema(statementExtensions)

interface NewVersion {
  kind: VersionKind
  label: string | null
  createdBy: string | null
  restoredFromVersionId?: string | null
  /** Automatic versions are skipped when the canonical text equals the latest version's. */
  onlyIfChanged?: boolean
}

/**
 * Records the room's current text as a version. The snapshot is taken
 * synchronously on entry, before any await, so the version is exactly the text
 * at the moment of the call (the lock relies on this).
 */
export async function recordVersion(ctx: ServiceContext, room: DocumentRoom, input: NewVersion): Promise<Version | null> {
  const snapshot = snapshotDocument(room.doc)
  const changes = room.changes.take()
  if (input.onlyIfChanged) {
    const latest = await ctx.storage.versions.latest(room.statementId)
    if (latest ? latest.fingerprint === snapshot.fingerprint : snapshot.canonical === '') return null
  }
  return ctx.storage.versions.create(
    {
      id: randomUUID(),
      statementId: room.statementId,
      kind: input.kind,
      label: input.label,
      createdAt: ctx.now().toISOString(),
      createdBy: input.createdBy,
      authorIds: changes.authorIds,
      organizationIds: changes.organizationIds,
      wordCount: snapshot.wordCount,
      fingerprint: snapshot.fingerprint,
      restoredFromVersionId: input.restoredFromVersionId ?? null,
    },
    { json: snapshot.json },
  )
}

async function present(ctx: ServiceContext, versions: Version[]): Promise<VersionDto[]> {
  const [users, organizations] = await Promise.all([ctx.storage.users.list(), ctx.storage.organizations.list()])
  const userNames = new Map(users.map((u) => [u.id, u.name]))
  const organizationNames = new Map(organizations.map((o) => [o.id, o.shortName ?? o.name]))
  return versions.map((version) => ({
    ...version,
    createdByName: version.createdBy ? (userNames.get(version.createdBy) ?? null) : null,
    authorNames: version.authorIds.map((id) => userNames.get(id) ?? 'Former member'),
    organizationNames: version.organizationIds.map((id) => organizationNames.get(id) ?? 'Former organisation'),
  }))
}

export async function listVersions(ctx: ServiceContext, actor: Actor, statementId: string): Promise<VersionDto[]> {
  await findReadableStatement(ctx, actor, statementId)
  return present(ctx, await ctx.storage.versions.list(statementId))
}

async function findVersion(ctx: ServiceContext, statementId: string, versionId: string): Promise<{ version: Version; json: unknown }> {
  const version = versionId.length <= 100 ? await ctx.storage.versions.get(statementId, versionId) : null
  const content = version ? await ctx.storage.versions.content(statementId, version.id) : null
  if (!version || !content) throw notFound('No such version')
  return { version, json: content.json }
}

export async function getVersion(ctx: ServiceContext, actor: Actor, statementId: string, versionId: string): Promise<VersionWithContentDto> {
  await findReadableStatement(ctx, actor, statementId)
  const { version, json } = await findVersion(ctx, statementId, versionId)
  const [dto] = await present(ctx, [version])
  const snapshot = snapshotJson(json as never)
  return { ...(dto as VersionDto), content: { text: snapshot.canonical, html: renderJsonToHtml(snapshot.json), json } }
}

/** Readers may look; only drafters may write, and only while the text is open. */
function assertMayChangeText(actor: Actor, statement: Statement, audience: StatementAudience): void {
  if (!isDrafter(actor, statement, audience)) throw forbidden('Only drafters of this statement may do this')
  if (!textIsOpen(statement.status)) throw new HttpError('statement_locked', `The statement is ${statement.status}: its text cannot change`)
}

export async function nameVersion(ctx: ServiceContext, actor: Actor, statementId: string, label: string): Promise<VersionDto> {
  return statementMutex.run(statementId, async () => {
    const { statement, audience } = await findReadableStatementAndAudience(ctx, actor, statementId)
    assertMayChangeText(actor, statement, audience)
    const version = await ctx.documents.withRoom(statementId, (room) => recordVersion(ctx, room, { kind: 'named', label, createdBy: actor.id }))
    if (!version) throw new Error('a named version is always recorded')
    await recordAudit(ctx, statementId, 'version_named', actor.id, { versionId: version.id, versionNumber: version.number, label })
    const [dto] = await present(ctx, [version])
    return dto as VersionDto
  })
}

/**
 * Makes a version's content the current text, as a new change that every
 * connected editor receives at once; the history keeps everything, and a
 * "Restored from vN" version records the result.
 */
export async function restoreVersion(ctx: ServiceContext, actor: Actor, statementId: string, versionId: string): Promise<VersionDto> {
  return statementMutex.run(statementId, async () => {
    const { statement, audience } = await findReadableStatementAndAudience(ctx, actor, statementId)
    assertMayChangeText(actor, statement, audience)
    const { version: source, json } = await findVersion(ctx, statementId, versionId)
    const restored = await ctx.documents.withRoom(statementId, async (room) => {
      if (!room.textOpen) throw new HttpError('statement_locked', 'The statement is locked: its text cannot change')
      const node = schema.nodeFromJSON(json)
      const origin: ChangeOrigin = { actor }
      room.doc.transact(() => prosemirrorJSONToYXmlFragment(schema, node.toJSON(), room.doc.getXmlFragment(STATEMENT_FRAGMENT)), origin)
      return recordVersion(ctx, room, {
        kind: 'restore',
        label: `Restored from v${source.number}`,
        createdBy: actor.id,
        restoredFromVersionId: source.id,
      })
    })
    if (!restored) throw new Error('a restore version is always recorded')
    await recordAudit(ctx, statementId, 'version_restored', actor.id, {
      versionId: restored.id,
      versionNumber: restored.number,
      restoredFromVersionId: source.id,
      restoredFromVersionNumber: source.number,
    })
    const [dto] = await present(ctx, [restored])
    return dto as VersionDto
  })
}

/** Word-level comparison of two versions, or of a version and the current text. */
export async function diffVersions(ctx: ServiceContext, actor: Actor, statementId: string, fromId: string, toId: string): Promise<DiffDto> {
  await findReadableStatement(ctx, actor, statementId)
  const from = await findVersion(ctx, statementId, fromId)
  const fromText = snapshotJson(from.json as never).canonical
  if (toId === 'current') {
    const current = await ctx.documents.withRoom(statementId, (room) => snapshotDocument(room.doc).canonical)
    return { ...diffTexts(fromText, current), from: { versionId: from.version.id, number: from.version.number }, to: { versionId: 'current' } }
  }
  const to = await findVersion(ctx, statementId, toId)
  return {
    ...diffTexts(fromText, snapshotJson(to.json as never).canonical),
    from: { versionId: from.version.id, number: from.version.number },
    to: { versionId: to.version.id, number: to.version.number },
  }
}
