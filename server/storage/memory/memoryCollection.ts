import type { Collection } from '../repositories/collection.js'
import { StorageUnavailableError } from '../storageErrors.js'

/** Mutations run synchronously inside one call, so they are serialised by the event loop itself. */
export function createMemoryCollection<T extends { id: string }>(name: string): Collection<T> {
  let records: readonly T[] = []
  let closed = false
  return {
    snapshot: () => records,
    mutate: async (change) => {
      if (closed) throw new StorageUnavailableError(`Storage is closed: cannot write ${name}`)
      const outcome = change(records)
      if (outcome.records !== null) records = outcome.records
      return outcome.result
    },
    close: async () => {
      closed = true
    },
  }
}
