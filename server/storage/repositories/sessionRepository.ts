import type { SessionRepository, StoredSession } from '../ports.js'
import type { Collection } from './collection.js'
import { Table } from './table.js'

export function createSessionRepository(collection: Collection<StoredSession>): SessionRepository {
  const table = new Table(collection)

  /** Removes every session matching `doomed`; skips the write when none does. */
  const removeWhere = (doomed: (session: StoredSession) => boolean): Promise<number> =>
    collection.mutate((sessions) => {
      const kept = sessions.filter((session) => !doomed(session))
      const removed = sessions.length - kept.length
      return { records: removed > 0 ? kept : null, result: removed }
    })

  return {
    get: (id) => table.get(id),
    create: (session) => table.create(session),
    delete: async (id) => {
      await removeWhere((session) => session.id === id)
    },
    deleteForUser: async (userId) => {
      await removeWhere((session) => session.userId === userId)
    },
    deleteExpired: (now) => {
      const cutoff = now.getTime()
      return removeWhere((session) => Date.parse(session.expiresAt) <= cutoff)
    },
  }
}
