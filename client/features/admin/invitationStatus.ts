import type { InvitationDto } from '../../../shared/api/dto.js'

export type InvitationStatus = 'accepted' | 'expired' | 'pending'

export function invitationStatus(invitation: InvitationDto, now: Date = new Date()): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted'
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'pending'
}
