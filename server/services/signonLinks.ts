import { randomUUID } from 'node:crypto'
import type { ExternalSignonBody } from '../../shared/api/endorsements.js'
import type { PublicSignonDto, SignonLinkDto } from '../../shared/api/responses.js'
import type { SignonLink } from '../../shared/domain/endorsement.js'
import { isStaff, type Actor } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { newToken } from '../security/tokens.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { loadLockedText } from './lockedText.js'
import { findReadableStatement } from './statements.js'

function present(ctx: ServiceContext, link: SignonLink): SignonLinkDto {
  const active = link.revokedAt === null && Date.parse(link.expiresAt) > ctx.now().getTime()
  return { ...link, url: `${ctx.publicUrl()}/signon/${link.token}`, active }
}

async function findManagedStatement(ctx: ServiceContext, actor: Actor, statementId: string): Promise<Statement> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  if (!isStaff(actor)) throw forbidden('Only coordinators and admins manage sign-on links')
  return statement
}

export async function createSignonLink(ctx: ServiceContext, actor: Actor, statementId: string, expiresInDays: number): Promise<SignonLinkDto> {
  await findManagedStatement(ctx, actor, statementId)
  const now = ctx.now()
  const link = await ctx.storage.signonLinks.create({
    id: randomUUID(),
    statementId,
    token: newToken(),
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000).toISOString(),
    revokedAt: null,
  })
  await recordAudit(ctx, statementId, 'signon_link_created', actor.id, { linkId: link.id, expiresAt: link.expiresAt })
  return present(ctx, link)
}

export async function listSignonLinks(ctx: ServiceContext, actor: Actor, statementId: string): Promise<SignonLinkDto[]> {
  await findManagedStatement(ctx, actor, statementId)
  return (await ctx.storage.signonLinks.listForStatement(statementId)).map((link) => present(ctx, link))
}

export async function revokeSignonLink(ctx: ServiceContext, actor: Actor, statementId: string, token: string): Promise<void> {
  await findManagedStatement(ctx, actor, statementId)
  const link = token.length <= 200 ? await ctx.storage.signonLinks.findByToken(token) : null
  if (!link || link.statementId !== statementId) throw notFound('No such sign-on link')
  if (link.revokedAt !== null) return
  await ctx.storage.signonLinks.update(link.id, { revokedAt: ctx.now().toISOString() })
  await recordAudit(ctx, statementId, 'signon_link_revoked', actor.id, { linkId: link.id })
}

/** Unknown, revoked and expired links look alike, so a dead link reveals nothing. */
async function findUsableLink(ctx: ServiceContext, token: string): Promise<{ link: SignonLink; statement: Statement }> {
  const link = token.length <= 200 ? await ctx.storage.signonLinks.findByToken(token) : null
  const statement = link ? await ctx.storage.statements.get(link.statementId) : null
  if (!link || !statement || link.revokedAt !== null || Date.parse(link.expiresAt) <= ctx.now().getTime()) {
    throw new HttpError('signon_link_invalid', 'This sign-on link is invalid, revoked or expired')
  }
  return { link, statement }
}

function assertOpen(statement: Statement): NonNullable<Statement['lock']> {
  if (statement.status !== 'locked' || !statement.lock) {
    throw new HttpError('signon_not_open', statement.status === 'closed' ? 'Sign-on for this statement is closed' : 'This statement is not open for sign-on at the moment')
  }
  return statement.lock
}

/** What the holder of a sign-on link sees: the locked text, nothing about who signed. */
export async function viewSignon(ctx: ServiceContext, token: string): Promise<PublicSignonDto> {
  const { link, statement } = await findUsableLink(ctx, token)
  const lock = assertOpen(statement)
  return {
    statement: await loadLockedText(ctx, statement, lock),
    expiresAt: link.expiresAt,
  }
}

/** An outside organisation signs through a link; it waits for a coordinator. The answer never reveals anyone else. */
export async function submitExternalSignon(ctx: ServiceContext, token: string, input: ExternalSignonBody): Promise<void> {
  const { link, statement } = await findUsableLink(ctx, token)
  const lock = assertOpen(statement)
  const now = ctx.now().toISOString()
  const endorsement = await ctx.storage.endorsements.create({
    id: randomUUID(),
    statementId: statement.id,
    source: 'external',
    status: 'pending',
    organization: { id: null, name: input.organizationName, country: input.country, ecosocStatus: input.ecosocStatus, website: input.website ?? null },
    signatoryName: input.contactName,
    signatoryTitle: input.signatoryTitle ?? null,
    contactEmail: input.email,
    comment: input.comment ?? null,
    confidential: input.confidential,
    fingerprint: lock.fingerprint,
    createdAt: now,
    createdBy: null,
    confirmedAt: now,
    decidedAt: null,
    decidedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
  })
  await recordAudit(ctx, statement.id, 'endorsement_submitted', null, { endorsementId: endorsement.id, organization: input.organizationName, linkId: link.id })
}
