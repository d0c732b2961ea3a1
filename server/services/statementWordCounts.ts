import * as Y from 'yjs'
import type { Statement } from '../../shared/domain/statement.js'
import type { DocumentRegistry } from '../collab/documentRegistry.js'
import { snapshotDocument } from '../render/documentRenderer.js'
import type { ServiceContext } from './context.js'

interface CachedCount {
  /** What the count was computed from; a different stamp means the text may have changed. */
  stamp: string
  words: number
}

/** Per registry (one per running server), so tests' servers never share counts. */
const caches = new WeakMap<DocumentRegistry, Map<string, CachedCount>>()

function cacheOf(ctx: ServiceContext): Map<string, CachedCount> {
  let cache = caches.get(ctx.documents)
  if (!cache) caches.set(ctx.documents, (cache = new Map()))
  return cache
}

/**
 * Words of a statement's current text, counted the way versions and locks count them
 * (`snapshotDocument`), without loading every document on every dashboard request:
 *
 * - locked or closed: the final version's count, which is exactly the locked text;
 * - open in the relay: read from the live document, cached by its state vector;
 * - not open: cached by the id of the latest version. A room that unloads after a change
 *   records an automatic version first, so the id moves whenever the stored text can have
 *   changed; otherwise the document is loaded once (and released, never kept open).
 *   After a restart the cache is empty and every count is taken from the text again.
 */
export async function currentWordCount(ctx: ServiceContext, statement: Statement): Promise<number> {
  if (statement.lock) {
    const final = await ctx.storage.versions.get(statement.id, statement.lock.versionId)
    if (final) return final.wordCount
  }
  const cache = cacheOf(ctx)
  const room = ctx.documents.loadedRoom(statement.id)
  if (room) return countCached(cache, statement.id, `live:${Buffer.from(Y.encodeStateVector(room.doc)).toString('base64')}`, () => snapshotDocument(room.doc).wordCount)
  const latest = await ctx.storage.versions.latest(statement.id)
  const stamp = `stored:${latest?.id ?? 'none'}`
  const cached = cache.get(statement.id)
  if (cached?.stamp === stamp) return cached.words
  const words = await ctx.documents.withDocument(statement.id, (doc) => snapshotDocument(doc).wordCount)
  cache.set(statement.id, { stamp, words })
  return words
}

function countCached(cache: Map<string, CachedCount>, statementId: string, stamp: string, count: () => number): number {
  const cached = cache.get(statementId)
  if (cached?.stamp === stamp) return cached.words
  const words = count()
  // A live count is no proof for the stored text later: keep it under the live stamp only.
  cache.set(statementId, { stamp, words })
  return words
}
