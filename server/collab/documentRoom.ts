import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { DocumentStateStore } from '../storage/ports.js'
import { ChangeTracker } from './changeTracker.js'
import { encodeAwarenessStates, encodeUpdate } from './protocol.js'
import { assertWithinSchema } from './schemaGuard.js'
import { runWithin } from './timeLimit.js'
import { MAX_NESTING } from './updateValidator.js'
import { WireFrame } from './wireFrame.js'

/** What the room needs from a connection: somewhere to send bytes, and an identity for `origin`. */
export interface RoomPeer {
  send(message: Uint8Array): void
  /** A message that goes to several peers, framed for the wire once. */
  sendFrame(frame: WireFrame): void
}

/** How a room saves and broadcasts: set from the environment in server/server.ts. */
export interface RoomOptions {
  /** Quiet time before a save. */
  debounceMs: number
  /** Longest an unsaved change may wait: the most a kill -9 can lose. */
  maxWaitMs: number
  /** Replace the update log by one compacted state once it holds this many bytes. */
  compactAfterBytes: number
  /** The clock that change tracking reads (controllable in tests). */
  now?: () => number
  /**
   * How many frames a second one statement's broadcasts may send before
   * changes wait to be merged: broadcasts in a room of N connections follow
   * each other at least N / rate seconds apart (5 ms for 100 people at 20,000,
   * half a millisecond for 10). A change after a quiet spell goes out at the
   * end of its event-loop turn; one that follows a broadcast sooner waits for
   * the rest of that window and goes out merged with whatever else arrived.
   * Omitted (or 0): every turn's changes go out at the end of that turn.
   */
  broadcastFramesPerSecond?: number
}

const RETRY_MAX_MS = 30_000

/**
 * Updates from this many senders in one batch are merged once and sent to
 * everyone, senders included (Yjs skips what a client already has); fewer get
 * a merge without their own updates each.
 */
const MAX_SENDERS_EXCLUDED = 4

/**
 * The authoritative copy of one open statement: its Y.Doc, the awareness of
 * the people in it, and the save schedule.
 *
 * Broadcasts are batched per window: the updates and awareness changes that
 * arrive within a window after a broadcast (longer the more connections the
 * room has, see RoomOptions.broadcastFramesPerSecond) go out together as one
 * merged frame per connection, framed for the wire once. A change after a quiet
 * spell goes out at the end of its event-loop turn. Under load every connection
 * gets one frame (one send) per window instead of one per update, so sending
 * scales with connections × windows rather than connections × updates. Updates
 * are not echoed to a sender (see MAX_SENDERS_EXCLUDED), are brought into the
 * document once per window (see `deferred`), and are appended to the store
 * after a short debounce, so the cost of an edit does not depend on document
 * size or on how many statements exist.
 */
export class DocumentRoom {
  private readonly ydoc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  /**
   * The stored state, read but not applied yet (see load). Its first reader
   * applies it; until then sync answers come from these bytes.
   */
  private stored: Uint8Array | null = null
  /** Why the room is unusable: its stored state did not apply, or an accepted update did not. Nothing is served from it then. */
  private failure: Error | null = null
  /** The whole document as one update, kept from the first fresh client's sync until the next change. */
  private fullState: Uint8Array | null = null
  readonly peers = new Set<RoomPeer>()
  /** Which peer speaks for each awareness client id: nobody may overwrite or remove another's presence. */
  readonly awarenessOwners = new Map<number, RoomPeer>()
  /** Joins in progress plus open peers plus REST reads: the room is unloaded only at zero. */
  holds = 0
  /**
   * False once the statement is locked: no update from anyone reaches the
   * document. Set synchronously by the lock, before any await, so no edit can
   * slip in between fingerprinting the text and downgrading the connections.
   */
  textOpen = true
  /** Who changed the text since the latest version. */
  readonly changes = new ChangeTracker()

  /**
   * A copy of `doc` that client updates are tried on first, made at the first
   * client update (a statement only read, or loaded for an export, never needs one). Yjs integrates an
   * update struct by struct and cannot roll back one that throws halfway (a
   * forged reference, a bogus length): the half it took would be broadcast,
   * saved, and could break every client that receives it. Costs a second copy
   * of each open document and a second apply of each client update.
   */
  private twin: Y.Doc | null = null
  /**
   * Client updates the twin took and the document has not yet: applied to it
   * together, in one transaction, at the next broadcast or when anything reads
   * the document, whichever comes first. A transaction costs Yjs two state
   * vectors and an update event over every client the document has seen; under
   * load one per broadcast instead of one per keystroke.
   */
  private deferred: Uint8Array[] = []
  /** Updates since the last flush, with the peer each came from. */
  private outbox: { update: Uint8Array; origin: unknown }[] = []
  /** Awareness client ids changed since the last flush, with the peer that changed each. */
  private awarenessOutbox = new Map<number, unknown>()
  private flushQueued: { cancel(): void } | undefined
  private lastFlushAt = -Infinity
  private pending: Uint8Array[] = []
  private debounceTimer: NodeJS.Timeout | undefined
  /** When the debounce timer fires, and when the save is due: a change moves the latter, and the timer re-arms when it fires early. */
  private debounceFiresAt = 0
  private saveDueAt = 0
  private maxWaitTimer: NodeJS.Timeout | undefined
  private saving: Promise<void> | null = null
  private failedSaves = 0
  private bytesSinceCompact = 0
  private destroyed = false

  private constructor(
    readonly statementId: string,
    private readonly store: DocumentStateStore,
    private readonly options: RoomOptions,
    private readonly logger: Logger,
  ) {
    // The server is not a participant: it must not show up in anyone's presence list.
    this.awareness.setLocalState(null)
    this.ydoc.on('update', this.onDocumentUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /**
   * Loads the stored state. Rejects if it cannot be read: the caller must then
   * refuse connections rather than serve (and later save) an empty document.
   */
  static async load(statementId: string, store: DocumentStateStore, options: RoomOptions, logger: Logger): Promise<DocumentRoom> {
    const room = new DocumentRoom(statementId, store, options, logger)
    try {
      const updates = await store.load(statementId)
      if (updates.length === 1) {
        // One compacted state, checksummed by the store: applied at its first use (the first edit,
        // a REST read of the content), so opening a statement to read it, or before typing, costs no
        // server-side apply; syncs are answered from the bytes. They are applied before any edit.
        room.stored = updates[0] as Uint8Array
        return room
      }
      applyStored(room.ydoc, statementId, updates, room)
      if (updates.length > 1) {
        // Fold the log into one state now, so the next cold load reads one record.
        room.bytesSinceCompact = updates.reduce((sum, u) => sum + u.byteLength, 0)
        await room.compact().catch((error) => logger.warn(`Compacting statement ${statementId} after load failed; will retry`, error))
      }
      return room
    } catch (error) {
      // The awareness keeps an interval timer: a refused statement would leak one at every reconnection.
      room.destroy()
      throw error
    }
  }

  /**
   * The statement's document. Reading it applies the stored state if that is
   * still waiting, and the client updates deferred since the last broadcast;
   * throws if the stored state cannot be applied (the room is then unusable,
   * and its files are left as they are).
   */
  get doc(): Y.Doc {
    if (this.stored || this.failure) this.applyStoredState()
    if (this.deferred.length > 0) this.applyDeferred()
    return this.ydoc
  }

  /** Throws if the room turned out unusable (see `failure`): nothing may be served from it. */
  assertUsable(): void {
    if (this.failure) throw this.failure
  }

  /** Whether the stored state still waits to be applied. */
  get hasUnappliedState(): boolean {
    return this.stored !== null
  }

  /**
   * Brings what waits into the document; false when that failed and made the
   * room unusable (logged, and its updates queued for saving as they came).
   */
  private settleDeferred(): boolean {
    if (this.deferred.length === 0) return true
    try {
      this.applyDeferred()
      return true
    } catch {
      return false
    }
  }

  private applyDeferred(): void {
    const updates = this.deferred
    this.deferred = []
    try {
      this.ydoc.transact(() => {
        for (const update of updates) Y.applyUpdate(this.ydoc, update)
      }, DEFERRED)
    } catch (error) {
      // The twin took these from the same state: only a Yjs bug gets here. The document may hold part
      // of them now, so nothing more is served from it; the updates themselves are whole and still saved.
      this.pending.push(...updates)
      this.failure = new Error(`Statement ${this.statementId}: an accepted update did not apply to the document`, { cause: error })
      this.logger.error(this.failure.message, error)
      throw this.failure
    }
  }

  private applyStoredState(): void {
    if (this.failure) throw this.failure
    const stored = this.stored
    if (!stored) return
    this.stored = null
    try {
      applyStored(this.ydoc, this.statementId, [stored], this)
    } catch (error) {
      this.failure = error as Error
      this.logger.error(`Statement ${this.statementId} cannot be opened`, error)
      throw error
    }
  }

  /** The document's state vector, read from the stored bytes while they wait to be applied. */
  stateVector(): Uint8Array {
    return this.stored ? Y.encodeStateVectorFromUpdate(this.stored) : Y.encodeStateVector(this.doc)
  }

  /**
   * What a peer with `stateVector` lacks, as one update: from the stored bytes
   * while they wait to be applied (all of them for an empty state vector, as a
   * fresh client sends), from the document otherwise. The whole document, which
   * every newly opened editor asks for, is encoded once per change, not once per
   * person opening it.
   */
  encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array {
    const fresh = stateVector.byteLength === 1 && stateVector[0] === 0
    if (this.stored) return fresh ? this.stored : Y.diffUpdate(this.stored, stateVector)
    if (fresh) return (this.fullState ??= Y.encodeStateAsUpdate(this.doc))
    return Y.encodeStateAsUpdate(this.doc, stateVector)
  }

  /**
   * Applies a client's update all or nothing: only an update that the twin took
   * without an error, within `timeLimitMs`, reaches the document. Throws, with
   * the document untouched, otherwise (TimeLimitExceeded when the twin ran out
   * of time). Returns the milliseconds the twin took, to charge to the sender.
   *
   * The time limit is why the twin stays even with a structural validator in
   * front: a valid update of a few kilobytes can make Yjs's conflict resolution
   * quadratic (forged origins over a long sequence took 93 s for 28 KB on the
   * development machine), and only a run that can be stopped bounds that. The
   * document's own apply, deferred to the next broadcast (see `deferred`), then
   * costs less than the twin's did.
   *
   * `timeLimitMs` null runs without the limit: for updates whose shape bounds
   * their cost (a few structs and delete ranges each walk the text they touch at
   * most once), because entering a vm context with a watchdog costs far more
   * than applying a keystroke. The time is still measured and charged.
   */
  applyClientUpdate(update: Uint8Array, origin: RoomPeer, timeLimitMs: number | null): number {
    const started = performance.now()
    const twin = (this.twin ??= this.makeTwin())
    const meta = Y.parseUpdateMeta(update)
    // What the twin held of each client the update touches: only items beyond it are new.
    const before = new Map([...meta.to.keys()].map((client) => [client, Y.getState(twin.store, client)]))
    try {
      if (timeLimitMs === null) Y.applyUpdate(twin, update)
      else runWithin(timeLimitMs, () => Y.applyUpdate(twin, update))
      // Structs whose dependencies are missing wait in the store and are merged with every later
      // update; found by fuzzing, a forged batch of them kept honest edits from reaching others.
      if (twin.store.pendingStructs || twin.store.pendingDs) throw new Error('update depends on changes the server does not have')
      assertWithinSchema(twin, before, meta)
    } catch (error) {
      // The twin may hold half of the update now: the next client update makes a new one from the document.
      twin.destroy()
      this.twin = null
      throw error
    }
    const elapsedMs = performance.now() - started
    this.deferred.push(update)
    // Saved as part of its window's transaction (see onDocumentUpdate), or on its own if that fails.
    this.changed(update, origin, false)
    return elapsedMs
  }

  private makeTwin(): Y.Doc {
    const twin = new Y.Doc()
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(this.doc))
    return twin
  }

  /** How many shared types enclose the document's item `client:clock`; for the validator's nesting bound. */
  readonly itemDepth = (client: number, clock: number): number | undefined => {
    // The twin holds every accepted update; the document may still wait for some (see `deferred`).
    const doc = this.twin ?? this.doc
    const structs = doc.store.clients.get(client)
    if (!structs || clock >= Y.getState(doc.store, client)) return undefined
    const struct = structs[Y.findIndexSS(structs, clock)]
    if (!(struct instanceof Y.Item)) return undefined
    let depth = 0
    for (let type = struct.parent as Y.AbstractType<unknown> | null; type && depth <= MAX_NESTING; type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null) {
      depth += 1
    }
    return depth
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    // Client updates were recorded when the twin took them (applyClientUpdate); a window's worth is saved
    // as the one update Yjs encodes for their transaction, which saves merging them one by one later.
    if (origin === DEFERRED) {
      this.pending.push(update)
      return
    }
    // Loads, REST operations (restore, lock) and anything else reach the twin here.
    if (this.twin) Y.applyUpdate(this.twin, update)
    // Loading from storage: nothing new to save or send (and no cached full state yet, see encodeStateAsUpdate).
    if (origin === this) return
    this.changed(update, origin)
  }

  /** A change to the document: to broadcast, to save (`pending`: now, or once applied), and to note against who made it. */
  private changed(update: Uint8Array, origin: unknown, pending = true): void {
    this.fullState = null
    this.outbox.push({ update, origin })
    this.queueFlush()
    this.changes.record((this.options.now ?? Date.now)(), origin)
    if (pending) this.pending.push(update)
    this.scheduleSave()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const ids of [added, updated, removed]) for (const id of ids) this.awarenessOutbox.set(id, origin)
    if (this.awarenessOutbox.size > 0) this.queueFlush()
  }

  private queueFlush(): void {
    if (this.destroyed || this.flushQueued) return
    const waitMs = this.lastFlushAt + this.broadcastWindowMs() - performance.now()
    if (waitMs <= 0) {
      const immediate = setImmediate(this.flush)
      this.flushQueued = { cancel: () => clearImmediate(immediate) }
    } else {
      const timer = setTimeout(this.flush, waitMs)
      this.flushQueued = { cancel: () => clearTimeout(timer) }
    }
  }

  /**
   * Least time between two broadcasts: a broadcast costs a send per connection
   * (a system call each, about ten microseconds), so a large room waits longer
   * to merge more changes into each, and a small one hardly at all.
   */
  private broadcastWindowMs(): number {
    const rate = this.options.broadcastFramesPerSecond
    return rate ? (this.peers.size * 1000) / rate : 0
  }

  /**
   * Sends what changed since the last flush: one update frame and one awareness
   * frame at most per connection. Runs at the end of the event-loop turn in
   * which the changes happened (setImmediate: after every frame read in that
   * turn), or when the broadcast window ends if it had not yet.
   */
  readonly flush = (): void => {
    this.flushQueued?.cancel()
    this.flushQueued = undefined
    this.lastFlushAt = performance.now()
    // An unusable room (logged) sends nothing more; its connections are closed at their next message.
    if (!this.destroyed && !this.settleDeferred()) return
    if (this.outbox.length > 0) {
      const batch = this.outbox
      this.outbox = []
      this.broadcastUpdates(batch)
    }
    if (this.awarenessOutbox.size > 0) {
      const changed = this.awarenessOutbox
      this.awarenessOutbox = new Map()
      this.broadcastAwareness(changed)
    }
  }

  private broadcastUpdates(batch: { update: Uint8Array; origin: unknown }[]): void {
    const merged = (entries: { update: Uint8Array }[]): Uint8Array =>
      encodeUpdate(entries.length === 1 ? (entries[0] as { update: Uint8Array }).update : Y.mergeUpdates(entries.map((entry) => entry.update)))
    const senders = new Set(batch.map((entry) => entry.origin))
    const excluding = senders.size <= MAX_SENDERS_EXCLUDED
    let everything: WireFrame | undefined
    for (const peer of this.peers) {
      if (excluding && senders.has(peer)) {
        const others = batch.filter((entry) => entry.origin !== peer)
        if (others.length > 0) peer.send(merged(others))
      } else {
        peer.sendFrame((everything ??= new WireFrame(merged(batch))))
      }
    }
  }

  private broadcastAwareness(changed: Map<number, unknown>): void {
    const origins = new Set(changed.values())
    let everything: WireFrame | undefined
    for (const peer of this.peers) {
      if (origins.has(peer)) {
        const others = [...changed].filter(([, origin]) => origin !== peer).map(([id]) => id)
        if (others.length > 0) peer.send(encodeAwarenessStates(this.awareness, others))
      } else {
        peer.sendFrame((everything ??= new WireFrame(encodeAwarenessStates(this.awareness, [...changed.keys()]))))
      }
    }
  }

  hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.deferred.length > 0 || this.saving !== null
  }

  /**
   * Saves once nothing changed for `delayMs`, and at most `maxWaitMs` after the
   * first unsaved change. A change moves the due time, not the timer: a timer
   * that fires before the due time re-arms for the rest, so typing costs no
   * timer per keystroke.
   */
  private scheduleSave(delayMs = this.options.debounceMs): void {
    if (this.destroyed) return
    this.saveDueAt = performance.now() + delayMs
    if (this.debounceTimer === undefined || this.debounceFiresAt > this.saveDueAt) this.armDebounce(delayMs)
    this.maxWaitTimer ??= setTimeout(() => void this.save().catch(() => undefined), this.options.maxWaitMs)
  }

  private armDebounce(delayMs: number): void {
    clearTimeout(this.debounceTimer)
    this.debounceFiresAt = performance.now() + delayMs
    this.debounceTimer = setTimeout(this.onDebounce, delayMs)
  }

  private readonly onDebounce = (): void => {
    this.debounceTimer = undefined
    const remainingMs = this.saveDueAt - performance.now()
    if (remainingMs >= 1) this.armDebounce(remainingMs)
    else void this.save().catch(() => undefined)
  }

  /**
   * Appends everything unsaved to the store. On failure the updates stay in
   * memory, are retried with backoff, and the promise rejects so that callers
   * such as unload and shutdown know the document is not safe yet.
   */
  async save(): Promise<void> {
    clearTimeout(this.debounceTimer)
    clearTimeout(this.maxWaitTimer)
    this.debounceTimer = this.maxWaitTimer = undefined
    while (this.saving) await this.saving.catch(() => undefined)
    // What waits goes into `pending` as its window's update, or as it came if the room turned unusable.
    this.settleDeferred()
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
    const attempt = (async () => {
      await this.store.append(this.statementId, merged)
      this.failedSaves = 0
      this.bytesSinceCompact += merged.byteLength
      if (this.bytesSinceCompact >= this.options.compactAfterBytes) await this.compact()
    })()
    this.saving = attempt
    try {
      await attempt
    } catch (error) {
      this.pending.unshift(merged)
      this.failedSaves += 1
      const retryMs = Math.min(RETRY_MAX_MS, this.options.maxWaitMs * 2 ** this.failedSaves)
      this.logger.error(`Saving statement ${this.statementId} failed (attempt ${this.failedSaves}); the document stays in memory and is retried in ${retryMs} ms`, error)
      this.scheduleSave(retryMs)
      throw error
    } finally {
      this.saving = null
    }
  }

  private async compact(): Promise<void> {
    await this.store.compact(this.statementId, Y.encodeStateAsUpdate(this.doc))
    this.bytesSinceCompact = 0
  }

  /** Saves and folds the log into one state: called before unloading and at shutdown. */
  async saveAndCompact(): Promise<void> {
    await this.save()
    if (this.bytesSinceCompact > 0) await this.compact()
  }

  destroy(): void {
    this.destroyed = true
    this.flushQueued?.cancel()
    this.flushQueued = undefined
    clearTimeout(this.debounceTimer)
    clearTimeout(this.maxWaitTimer)
    this.awareness.destroy()
    this.ydoc.destroy()
    this.twin?.destroy()
  }
}

/** The origin of the transaction that brings deferred client updates into the document. */
const DEFERRED = Symbol('deferred client updates')

/** Applies stored updates as the room's own (nothing to save or send); throws if they do not make a whole document. */
function applyStored(doc: Y.Doc, statementId: string, updates: Uint8Array[], origin: DocumentRoom): void {
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    }, origin)
  } catch (error) {
    throw new Error(`The stored state of statement ${statementId} cannot be decoded: ${(error as Error).message}`, { cause: error })
  }
  // Every stored update was complete when the room applied it; missing pieces mean lost or damaged
  // records, and a twin with pending structs would refuse every client's update.
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    throw new Error(`The stored state of statement ${statementId} refers to changes that are not stored`)
  }
}
