import type { InvitationRepository, StoredInvitation } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createInvitationRepository(collection: Collection<StoredInvitation>): InvitationRepository {
  // Unique because findByTokenHash promises one answer; with random 256-bit tokens a clash means a bug.
  const table = new Table(collection, [
    { field: 'tokenHash', key: (invitation) => invitation.tokenHash, message: () => 'An invitation with this token already exists' },
  ])
  return {
    list: () => table.list(),
    findByTokenHash: (tokenHash) => table.find((invitation) => invitation.tokenHash === tokenHash),
    create: (invitation) => table.create(invitation),
    // Check and set happen inside one serialised mutation: two people opening the
    // same link at once cannot both pass the "not accepted yet" test.
    markAccepted: (id, userId, at) =>
      collection.mutate((invitations) => {
        const index = invitations.findIndex((invitation) => invitation.id === id)
        const current = invitations[index]
        if (current === undefined || current.acceptedAt !== null) return { records: null, result: false }
        const next = [...invitations]
        next[index] = { ...current, acceptedAt: at, acceptedUserId: userId }
        return { records: next, result: true }
      }),
  }
}
