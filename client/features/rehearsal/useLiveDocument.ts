import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { JsonNode } from '../../../shared/text/documentText.js'
import { liveDocumentStore, type SyncSource } from './liveDocument.js'

/**
 * The live document of one connection, null until it first synced. The Y.Doc and the
 * provider come from the collaboration hook, which creates them in its effect; the
 * store only listens to them.
 */
export function useLiveDocument(ydoc: Y.Doc, provider: SyncSource): JsonNode | null {
  const store = useMemo(() => liveDocumentStore(ydoc, provider), [ydoc, provider])
  return useSyncExternalStore(store.subscribe, store.get)
}
