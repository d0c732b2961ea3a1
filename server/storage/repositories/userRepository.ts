import type { StoredUser, UserRepository } from '../ports.js'
import type { Collection } from './collection.js'
import { foldCase, Table } from './table.js'

export function createUserRepository(collection: Collection<StoredUser>): UserRepository {
  const table = new Table(collection, [
    {
      field: 'email',
      key: (user) => foldCase(user.email),
      message: (user) => `The e-mail address ${user.email} is already taken`,
    },
  ])
  return {
    list: () => table.list(),
    count: async () => collection.snapshot().length,
    get: (id) => table.get(id),
    findByEmail: (email) => {
      const wanted = foldCase(email)
      return table.find((user) => foldCase(user.email) === wanted)
    },
    create: (user) => table.create(user),
    update: (id, patch) => table.update(id, patch),
  }
}
