import type * as Y from 'yjs'
import { documentJson } from '../../../shared/schema/documentJson.js'
import type { JsonNode } from '../../../shared/text/documentText.js'

/** What the store needs of a `WebsocketProvider`: whether the document has synced, and when that changes. */
export interface SyncSource {
  readonly synced: boolean
  on(event: 'sync', handler: (synced: boolean) => void): void
  off(event: 'sync', handler: (synced: boolean) => void): void
}

/**
 * The statement's live text as a store React can subscribe to (`useSyncExternalStore`).
 * `get` answers null until the document has first synced with the server (an empty
 * Y.Doc is not an empty statement), then the document as JSON of the statement schema;
 * during a reconnect the last text stays. The conversion runs at most once per change and
 * only when read: between changes `get` returns the same object, as React requires.
 *
 * Making the store has no side effect (it may be made during render); listeners go on
 * the document and the provider with the first subscriber and come off with the last.
 */
export function liveDocumentStore(ydoc: Y.Doc, source: SyncSource) {
  let everSynced = source.synced
  let current: JsonNode | null = null
  let stale = true
  const listeners = new Set<() => void>()

  const notify = () => {
    for (const listener of listeners) listener()
  }
  const handleUpdate = () => {
    stale = true
    if (everSynced) notify()
  }
  const handleSync = (synced: boolean) => {
    if (!synced || everSynced) return
    everSynced = true
    notify()
  }

  return {
    get: (): JsonNode | null => {
      if (!everSynced) return null
      if (stale) {
        // documentJson converts a copy: reading never writes to the shared document.
        current = documentJson(ydoc) as JsonNode
        stale = false
      }
      return current
    },
    subscribe: (listener: () => void): (() => void) => {
      if (listeners.size === 0) {
        ydoc.on('update', handleUpdate)
        source.on('sync', handleSync)
        // Changes made while nobody listened are not known: read the document afresh.
        stale = true
        everSynced ||= source.synced
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0) return
        ydoc.off('update', handleUpdate)
        source.off('sync', handleSync)
      }
    },
  }
}
