import { randomUUID } from 'node:crypto'
import type { EndorseBody } from '../../shared/api/endorsements.js'
import { isActive, isStale, type Endorsement } from '../../shared/domain/endorsement.js'
import { isStaff, type Actor } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { duplicateReasons, type DuplicateReason } from '../../shared/signoff/duplicates.js'
import type { EndorsementDto, EndorsementListDto, PublicEndorsementDto } from '../../shared/api/responses.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import { StorageConflictError } from '../storage/ports.js'
import { recordAudit } from './audit.js'
import type { ServiceContext } from './context.js'
import { statementMutex } from './keyedMutex.js'
import { findReadableStatement } from './statements.js'

function lockedFingerprint(statement: Statement): string | null {
  return statement.lock?.fingerprint ?? null
}

/** Endorsing, withdrawing and re-confirming need the final text: locked, not closed. */
function assertSignable(statement: Statement): string {
  if (statement.status === 'closed') throw new HttpError('statement_closed', 'Sign-on for this statement is closed')
  if (statement.status !== 'locked' || !statement.lock) throw new HttpError('statement_not_locked', 'Organisations endorse the final text: the statement is not locked yet')
  return statement.lock.fingerprint
}

function full(endorsement: Endorsement, statement: Statement, reasons: DuplicateReason[] = []): EndorsementDto {
  return { ...endorsement, stale: isStale(endorsement, lockedFingerprint(statement)), duplicateReasons: reasons }
}

function publicView(endorsement: Endorsement, statement: Statement): PublicEndorsementDto {
  const { name, country, ecosocStatus, website } = endorsement.organization
  return {
    id: endorsement.id,
    source: endorsement.source,
    organization: { name, country, ecosocStatus, website },
    confirmedAt: endorsement.confirmedAt,
    stale: isStale(endorsement, lockedFingerprint(statement)),
  }
}

export async function listEndorsements(ctx: ServiceContext, actor: Actor, statementId: string): Promise<EndorsementListDto> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  const all = await ctx.storage.endorsements.list(statementId)
  const fingerprint = lockedFingerprint(statement)
  const approved = all.filter((e) => e.status === 'approved')
  const current = approved.filter((e) => !isStale(e, fingerprint))
  const counts = {
    current: current.length,
    confidential: current.filter((e) => e.confidential).length,
    stale: approved.length - current.length,
    pending: all.filter((e) => e.status === 'pending').length,
  }
  const mineRecord = all.find((e) => isActive(e) && e.organization.id === actor.organizationId)
  const mine = mineRecord ? full(mineRecord, statement) : null
  if (isStaff(actor)) {
    const members = await ctx.storage.organizations.list()
    const endorsements = all.map((e) =>
      full(e, statement, e.source === 'external' && e.status === 'pending' ? duplicateReasons(e, all.filter((o) => o.id !== e.id && isActive(o)), members) : []),
    )
    return { endorsements, mine, counts }
  }
  const visible = approved.filter((e) => !e.confidential).map((e) => publicView(e, statement))
  return { endorsements: visible, mine, counts: { ...counts, pending: 0 } }
}

/** A member with `canSign` endorses the locked text on behalf of their organisation. */
export async function recordEndorsement(ctx: ServiceContext, actor: Actor, statementId: string, input: EndorseBody): Promise<EndorsementDto> {
  // Under the statement's lock, so an endorsement never slips in between an unlock's check and its write.
  return statementMutex.run(statementId, () => endorse(ctx, actor, statementId, input))
}

async function endorse(ctx: ServiceContext, actor: Actor, statementId: string, input: EndorseBody): Promise<EndorsementDto> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  if (!actor.canSign) throw forbidden('Only people who may sign for their organisation endorse')
  const fingerprint = assertSignable(statement)
  const [user, organization] = await Promise.all([ctx.storage.users.get(actor.id), ctx.storage.organizations.get(actor.organizationId)])
  if (!user || !organization) throw notFound('No such organisation')
  const now = ctx.now().toISOString()
  try {
    const endorsement = await ctx.storage.endorsements.create({
      id: randomUUID(),
      statementId,
      source: 'member',
      status: 'approved',
      organization: { id: organization.id, name: organization.name, country: organization.country, ecosocStatus: organization.ecosocStatus, website: organization.website },
      signatoryName: input.signatoryName,
      signatoryTitle: input.signatoryTitle ?? null,
      contactEmail: user.email,
      comment: input.comment ?? null,
      confidential: input.confidential,
      fingerprint,
      createdAt: now,
      createdBy: actor.id,
      confirmedAt: now,
      decidedAt: now,
      decidedBy: actor.id,
      withdrawnAt: null,
      withdrawnBy: null,
    })
    await recordAudit(ctx, statementId, 'endorsed', actor.id, { endorsementId: endorsement.id, organization: organization.name, confidential: input.confidential, fingerprint })
    return full(endorsement, statement)
  } catch (error) {
    if (error instanceof StorageConflictError && error.field === 'organization') throw new HttpError('already_endorsed', `${organization.name} has already endorsed this statement`)
    throw error
  }
}

async function findEndorsement(ctx: ServiceContext, statementId: string, endorsementId: string): Promise<Endorsement> {
  const endorsement = endorsementId.length <= 100 ? await ctx.storage.endorsements.get(statementId, endorsementId) : null
  if (!endorsement) throw notFound('No such endorsement')
  return endorsement
}

/** The organisation's signatories act on its endorsement; coordinators on any. */
function assertActsFor(actor: Actor, endorsement: Endorsement): void {
  const ownOrganization = endorsement.organization.id !== null && endorsement.organization.id === actor.organizationId && actor.canSign
  if (!ownOrganization && !isStaff(actor)) throw forbidden('Only the organisation’s signatories or coordinators may do this')
}

export async function withdrawEndorsement(ctx: ServiceContext, actor: Actor, statementId: string, endorsementId: string): Promise<void> {
  return statementMutex.run(statementId, () => withdraw(ctx, actor, statementId, endorsementId))
}

async function withdraw(ctx: ServiceContext, actor: Actor, statementId: string, endorsementId: string): Promise<void> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  const endorsement = await findEndorsement(ctx, statementId, endorsementId)
  assertActsFor(actor, endorsement)
  if (statement.status === 'closed') throw new HttpError('statement_closed', 'Sign-on for this statement is closed: endorsements can no longer be withdrawn')
  if (!isActive(endorsement)) throw new HttpError('endorsement_inactive', 'This endorsement was already withdrawn or rejected')
  await ctx.storage.endorsements.update(statementId, endorsementId, { status: 'withdrawn', withdrawnAt: ctx.now().toISOString(), withdrawnBy: actor.id })
  await recordAudit(ctx, statementId, 'endorsement_withdrawn', actor.id, { endorsementId, organization: endorsement.organization.name })
}

/** One click after an unlock and a new lock: the signatory endorses the new text. */
export async function confirmEndorsement(ctx: ServiceContext, actor: Actor, statementId: string, endorsementId: string): Promise<EndorsementDto> {
  return statementMutex.run(statementId, () => confirm(ctx, actor, statementId, endorsementId))
}

async function confirm(ctx: ServiceContext, actor: Actor, statementId: string, endorsementId: string): Promise<EndorsementDto> {
  const statement = await findReadableStatement(ctx, actor, statementId)
  const endorsement = await findEndorsement(ctx, statementId, endorsementId)
  assertActsFor(actor, endorsement)
  const fingerprint = assertSignable(statement)
  if (!isActive(endorsement)) throw new HttpError('endorsement_inactive', 'This endorsement was withdrawn or rejected')
  const updated = await ctx.storage.endorsements.update(statementId, endorsementId, { fingerprint, confirmedAt: ctx.now().toISOString() })
  if (!updated) throw notFound('No such endorsement')
  await recordAudit(ctx, statementId, 'endorsement_confirmed', actor.id, { endorsementId, organization: endorsement.organization.name, fingerprint })
  return full(updated, statement)
}

/** Coordinators decide on outside organisations' pending endorsements. */
export async function decideEndorsement(ctx: ServiceContext, actor: Actor, statementId: string, endorsementId: string, decision: 'approved' | 'rejected'): Promise<EndorsementDto> {
  return statementMutex.run(statementId, async () => {
    const statement = await findReadableStatement(ctx, actor, statementId)
    if (!isStaff(actor)) throw forbidden('Only coordinators and admins approve endorsements')
    if (statement.status === 'closed') throw new HttpError('statement_closed', 'Sign-on for this statement is closed')
    const endorsement = await findEndorsement(ctx, statementId, endorsementId)
    if (endorsement.status !== 'pending') throw new HttpError('endorsement_not_pending', `This endorsement is ${endorsement.status}, not pending`)
    const updated = await ctx.storage.endorsements.update(statementId, endorsementId, { status: decision, decidedAt: ctx.now().toISOString(), decidedBy: actor.id })
    if (!updated) throw notFound('No such endorsement')
    await recordAudit(ctx, statementId, decision === 'approved' ? 'endorsement_approved' : 'endorsement_rejected', actor.id, {
      endorsementId,
      organization: endorsement.organization.name,
    })
    return full(updated, statement)
  })
}
