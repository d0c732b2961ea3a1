import type { VersionContent } from '../../../shared/domain/version.js'
import type { VersionContentStore } from '../repositories/versionContentStore.js'
import { assertStatementId, assertVersionId } from '../storageIds.js'
import { StorageCorruptError, StorageUnavailableError } from '../storageErrors.js'

/** Version contents in a Map, copied in and out like everything the memory adapter keeps. */
export function createMemoryVersionContents(): VersionContentStore {
  const contents = new Map<string, VersionContent>()
  let closed = false
  const keyOf = (statementId: string, versionId: string): string => {
    // Checked here too so that the memory adapter refuses exactly what the file adapter refuses.
    assertStatementId(statementId)
    assertVersionId(versionId)
    return `${statementId}/${versionId}`
  }
  return {
    write: async (statementId, versionId, content) => {
      const key = keyOf(statementId, versionId)
      if (closed) throw new StorageUnavailableError('Storage is closed: cannot write version contents')
      contents.set(key, structuredClone(content))
    },
    read: async (statementId, versionId) => {
      const key = keyOf(statementId, versionId)
      const content = contents.get(key)
      if (content === undefined) throw new StorageCorruptError(`memory:versions/${key}`, `Version content ${key} is missing`)
      return structuredClone(content)
    },
    close: async () => {
      closed = true
    },
  }
}
