import type * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { DocumentStateStore } from '../storage/ports.js'
import { DocumentRoom, type RoomOptions } from './documentRoom.js'

const UNLOAD_RETRY_MS = 5_000

export interface RegistryHooks {
  /** Runs once per load, before anyone sees the room (e.g. closing the text of a locked statement). */
  prepare?(room: DocumentRoom): Promise<void>
  /** Runs when the last holder has left, before the room is saved and unloaded (e.g. an automatic version). Failures are logged and never keep the room. */
  beforeUnload?(room: DocumentRoom): Promise<void>
}

/**
 * Open statements by id. One load per statement however many join at once (the
 * map holds the loading promise, not the room); a room is unloaded only after
 * its last holder has left and its state is saved, never while a save runs.
 */
export class DocumentRegistry {
  private readonly rooms = new Map<string, Promise<DocumentRoom>>()
  private readonly loaded = new Map<string, DocumentRoom>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: DocumentStateStore,
    private readonly options: RoomOptions,
    private readonly logger: Logger,
    private readonly hooks: RegistryHooks = {},
  ) {}

  /** Takes a hold on the room, loading it if needed. Pair every successful acquire with a release. */
  async acquire(statementId: string): Promise<DocumentRoom> {
    let loading = this.rooms.get(statementId)
    if (!loading) {
      loading = DocumentRoom.load(statementId, this.store, this.options, this.logger).then(async (room) => {
        try {
          await this.hooks.prepare?.(room)
          this.loaded.set(statementId, room)
          return room
        } catch (error) {
          room.destroy()
          throw error
        }
      })
      this.rooms.set(statementId, loading)
      // A failed load is forgotten so that the next attempt reads storage again.
      loading.catch(() => {
        if (this.rooms.get(statementId) === loading) this.rooms.delete(statementId)
      })
    }
    const room = await loading
    // The room may have been unloaded between the load settling and this line: load it afresh.
    if (this.rooms.get(statementId) !== loading) return this.acquire(statementId)
    room.holds += 1
    clearTimeout(this.unloadTimers.get(statementId))
    this.unloadTimers.delete(statementId)
    return room
  }

  release(room: DocumentRoom): void {
    room.holds -= 1
    if (room.holds === 0) void this.unloadWhenIdle(room)
  }

  /** The room if the statement is open now; never loads. */
  async peek(statementId: string): Promise<DocumentRoom | undefined> {
    const loading = this.rooms.get(statementId)
    return loading ? loading.catch(() => undefined) : undefined
  }

  /** Runs `read` on the statement's document, loading it for the duration if nobody has it open. */
  withDocument<T>(statementId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.withRoom(statementId, (room) => read(room.doc))
  }

  /**
   * Holds the statement's room while `use` runs, loading it if needed. Changes
   * `use` makes to the document reach every connection and are saved like any edit.
   */
  async withRoom<T>(statementId: string, use: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(statementId)
    try {
      return await use(room)
    } finally {
      this.release(room)
    }
  }

  /** The rooms loaded now (not those still loading). */
  openRooms(): DocumentRoom[] {
    return [...this.loaded.values()]
  }

  /** The room if it is loaded now, without waiting or loading. */
  loadedRoom(statementId: string): DocumentRoom | undefined {
    return this.loaded.get(statementId)
  }

  private async unloadWhenIdle(room: DocumentRoom): Promise<void> {
    if (this.hooks.beforeUnload && room.changes.hasChanges()) {
      await this.hooks.beforeUnload(room).catch((error) => this.logger.error(`Before unloading statement ${room.statementId}`, error))
      if (room.holds > 0) return
    }
    try {
      await room.saveAndCompact()
    } catch {
      // The room keeps the document in memory and its own retry timer; try unloading again later.
      const timer = setTimeout(() => {
        this.unloadTimers.delete(room.statementId)
        if (room.holds === 0) void this.unloadWhenIdle(room)
      }, UNLOAD_RETRY_MS)
      timer.unref()
      this.unloadTimers.set(room.statementId, timer)
      return
    }
    // Someone may have joined, or edited through a REST operation, while we saved.
    if (room.holds > 0 || room.hasUnsavedChanges()) {
      if (room.holds === 0) void this.unloadWhenIdle(room)
      return
    }
    this.rooms.delete(room.statementId)
    this.loaded.delete(room.statementId)
    room.destroy()
  }

  /** Saves every open statement. Rejects if any could not be saved. */
  async saveAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)))
    const results = await Promise.allSettled(rooms.map((room) => room?.saveAndCompact()))
    const failed = results.filter((r) => r.status === 'rejected')
    if (failed.length > 0) throw new Error(`${failed.length} statement(s) could not be saved`)
  }

  async closeAll(): Promise<void> {
    await this.saveAll()
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)))
    for (const room of rooms) room?.destroy()
    this.rooms.clear()
    this.loaded.clear()
  }
}
