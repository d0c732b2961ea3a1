import { randomUUID } from 'node:crypto'
import type { InvitationCreatedDto, InvitationDto, InvitationPreviewDto } from '../../shared/api/dto.js'
import { INVITATION_TTL_MS, type AcceptInvitationBody, type CreateInvitationBody } from '../../shared/api/invitations.js'
import { canInvite, isStaff, type Actor } from '../../shared/domain/permissions.js'
import { forbidden, HttpError } from '../http/httpError.js'
import { hashToken, newToken } from '../security/tokens.js'
import type { StoredInvitation, StoredUser } from '../storage/ports.js'
import { createUser } from './accounts.js'
import type { ServiceContext } from './context.js'

export async function createInvitation(ctx: ServiceContext, actor: Actor, input: CreateInvitationBody): Promise<InvitationCreatedDto> {
  if (!canInvite(actor, input.role)) {
    throw forbidden(input.role === 'admin' ? 'Only admins invite admins' : 'Only coordinators and admins invite people')
  }
  const organization = await ctx.storage.organizations.get(input.organizationId)
  if (!organization) {
    throw new HttpError('validation_failed', 'No such organisation', [{ path: ['organizationId'], message: 'No such organisation' }])
  }
  if (await ctx.storage.users.findByEmail(input.email)) throw new HttpError('email_taken', 'Someone already has an account with this e-mail')
  const token = newToken()
  const now = ctx.now()
  const invitation = await ctx.storage.invitations.create({
    id: randomUUID(),
    tokenHash: hashToken(token),
    email: input.email,
    organizationId: input.organizationId,
    role: input.role,
    canSign: input.canSign,
    invitedBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    acceptedAt: null,
    acceptedUserId: null,
  })
  return { token, url: `${ctx.publicUrl()}/invite/${token}`, expiresAt: invitation.expiresAt }
}

export async function listInvitations(ctx: ServiceContext, actor: Actor): Promise<InvitationDto[]> {
  if (!isStaff(actor)) throw forbidden('Only coordinators and admins list invitations')
  const invitations = await ctx.storage.invitations.list()
  return invitations
    .map(({ id, email, organizationId, role, canSign, createdAt, expiresAt, acceptedAt }) => ({
      id, email, organizationId, role, canSign, createdAt, expiresAt, acceptedAt,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Unknown, used and expired links look the same, so a link reveals nothing once it is dead. */
async function findUsableInvitation(ctx: ServiceContext, token: string): Promise<StoredInvitation> {
  const invitation = token.length <= 200 ? await ctx.storage.invitations.findByTokenHash(hashToken(token)) : null
  if (!invitation || invitation.acceptedAt !== null || Date.parse(invitation.expiresAt) <= ctx.now().getTime()) {
    throw new HttpError('invitation_invalid', 'This invitation link is invalid, used or expired')
  }
  return invitation
}

export async function previewInvitation(ctx: ServiceContext, token: string): Promise<InvitationPreviewDto> {
  const invitation = await findUsableInvitation(ctx, token)
  const organization = await ctx.storage.organizations.get(invitation.organizationId)
  return {
    email: invitation.email,
    organizationName: organization?.name ?? '',
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  }
}

export async function acceptInvitation(ctx: ServiceContext, token: string, input: AcceptInvitationBody): Promise<StoredUser> {
  const invitation = await findUsableInvitation(ctx, token)
  // The e-mail is unique in storage, so of two simultaneous accepts exactly one creates the account.
  const user = await createUser(ctx, {
    email: invitation.email,
    name: input.name,
    password: input.password,
    organizationId: invitation.organizationId,
    role: invitation.role,
    canSign: invitation.canSign,
  })
  await ctx.storage.invitations.markAccepted(invitation.id, user.id, ctx.now().toISOString())
  return user
}
