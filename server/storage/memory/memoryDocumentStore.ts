import type { DocumentStateStore } from '../ports.js'
import { assertStatementId } from '../storageIds.js'
import { StorageUnavailableError } from '../storageErrors.js'

export interface MemoryDocumentStore extends DocumentStateStore {
  close(): Promise<void>
}

/** Keeps copies of the bytes: callers reuse their buffers, and Yjs hands out views into larger ones. */
export function createMemoryDocumentStore(): MemoryDocumentStore {
  const updatesById = new Map<string, Uint8Array[]>()
  let closed = false
  const check = (statementId: string): void => {
    if (closed) throw new StorageUnavailableError('Storage is closed: documents are not available')
    assertStatementId(statementId)
  }
  return {
    load: async (statementId) => {
      check(statementId)
      return (updatesById.get(statementId) ?? []).map((update) => update.slice())
    },
    append: async (statementId, update) => {
      check(statementId)
      const updates = updatesById.get(statementId) ?? []
      updates.push(update.slice())
      updatesById.set(statementId, updates)
    },
    compact: async (statementId, state) => {
      check(statementId)
      if (state.length === 0) throw new RangeError('compact() needs a full-state update; an empty one would erase the document')
      updatesById.set(statementId, [state.slice()])
    },
    close: async () => {
      closed = true
    },
  }
}
