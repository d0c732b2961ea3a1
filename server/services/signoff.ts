import type { SIGNOFF_FORMATS, SIGNOFF_ORDERS } from '../../shared/api/endorsements.js'
import { isStale, type Endorsement } from '../../shared/domain/endorsement.js'
import { isStaff, type Actor } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { isFingerprint } from '../../shared/text/fingerprint.js'
import { renderSignoff, type RenderedExport } from '../exports/renderSignoff.js'
import type { SignoffDocument } from '../exports/signoffDocument.js'
import { HttpError, notFound } from '../http/httpError.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { loadLockedText } from './lockedText.js'
import { findReadableStatement } from './statements.js'

type SignoffFormat = (typeof SIGNOFF_FORMATS)[number]
type SignoffOrder = (typeof SIGNOFF_ORDERS)[number]

/**
 * The sign-off list of a locked statement, as coordinators submit it: only
 * approved endorsements of the current locked text. Stale ones are counted,
 * not listed; confidential ones are named to coordinators only and counted for
 * everyone else; contact details are for coordinators only.
 */
async function buildSignoff(ctx: ServiceContext, statement: Statement, audience: SignoffDocument['audience'], order: SignoffOrder): Promise<SignoffDocument> {
  const lock = statement.lock
  if (!lock) throw new HttpError('statement_not_locked', 'The sign-off list exists once the final text is locked')
  const approved = (await ctx.storage.endorsements.list(statement.id)).filter((e) => e.status === 'approved')
  const current = approved.filter((e) => !isStale(e, lock.fingerprint))
  const listed = audience === 'coordinator' ? current : current.filter((e) => !e.confidential)
  return {
    statement: await loadLockedText(ctx, statement, lock),
    endorsements: listed.map((e) => exportedEndorsement(e, audience)),
    audience,
    confidentialCount: current.filter((e) => e.confidential).length,
    staleCount: approved.length - current.length,
    order,
    generatedAt: ctx.now().toISOString(),
    verifyUrl: `${ctx.publicUrl()}/verify/${lock.fingerprint}`,
  }
}

/** Public exports carry no person and no contact detail, whatever the renderer does. */
function exportedEndorsement(e: Endorsement, audience: SignoffDocument['audience']): SignoffDocument['endorsements'][number] {
  const organization = { name: e.organization.name, country: e.organization.country, ecosocStatus: e.organization.ecosocStatus, website: e.organization.website }
  if (audience === 'public') {
    return { organization, signatoryName: '', signatoryTitle: null, contactEmail: null, comment: null, confidential: false, source: e.source, confirmedAt: e.confirmedAt }
  }
  return {
    organization,
    signatoryName: e.signatoryName,
    signatoryTitle: e.signatoryTitle,
    contactEmail: e.contactEmail,
    comment: e.comment,
    confidential: e.confidential,
    source: e.source,
    confirmedAt: e.confirmedAt,
  }
}

export async function exportSignoff(ctx: ServiceContext, actor: Actor, statementId: string, format: SignoffFormat, order: SignoffOrder): Promise<RenderedExport> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  const audience = isStaff(actor) ? 'coordinator' : 'public'
  const rendered = await renderSignoff(format, await buildSignoff(ctx, statement, audience, order))
  await recordAudit(ctx, statementId, 'signoff_exported', actor.id, { format, order, audience })
  return rendered
}

/**
 * The public verification page: whoever holds the fingerprint (from the PDF, say)
 * sees the title, the locked text and the public list. A SHA-256 cannot be
 * guessed, so this shows the text only to those who already have it.
 */
export async function verificationDocument(ctx: ServiceContext, fingerprint: string): Promise<SignoffDocument> {
  if (!isFingerprint(fingerprint)) throw notFound('No statement was locked with this fingerprint')
  const statement = (await ctx.storage.statements.list()).find((s) => s.lock?.fingerprint === fingerprint)
  if (!statement) throw notFound('No statement is locked with this fingerprint now')
  return buildSignoff(ctx, statement, 'public', 'name')
}
