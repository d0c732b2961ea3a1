import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../logger.js'
import { createMemoryDocumentStore } from '../storage/memory/memoryDocumentStore.js'
import type { DocumentStateStore } from '../storage/ports.js'
import { DocumentRegistry } from './documentRegistry.js'

const OPTIONS = { debounceMs: 300, maxWaitMs: 1000, compactAfterBytes: 1024 * 1024 }

/** The memory store with switches to make it fail or hang, and counters of what reached it. */
function controllableStore() {
  const inner = createMemoryDocumentStore()
  const state = { failAppends: false, failLoads: false, appends: 0, loads: 0, compacts: 0 }
  const store: DocumentStateStore = {
    load: async (id) => {
      state.loads += 1
      if (state.failLoads) throw new Error('disk on fire')
      return inner.load(id)
    },
    append: async (id, update) => {
      if (state.failAppends) throw new Error('disk full')
      state.appends += 1
      return inner.append(id, update)
    },
    compact: async (id, s) => {
      state.compacts += 1
      return inner.compact(id, s)
    },
  }
  return { store, state, stored: async (id: string) => textOf(await inner.load(id)) }
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('document registry and rooms', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('loads a statement once for many simultaneous joiners', async () => {
    const { store, state } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const rooms = await Promise.all(Array.from({ length: 10 }, () => registry.acquire('s1')))
    expect(new Set(rooms).size).toBe(1)
    expect(state.loads).toBe(1)
    expect(rooms[0]!.holds).toBe(10)
  })

  it('debounces saves but never waits longer than the maximum', async () => {
    const { store, state, stored } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const room = await registry.acquire('s1')
    // Keep typing every 200 ms: the debounce alone would never fire.
    for (let i = 0; i < 4; i += 1) {
      room.doc.getText('t').insert(i, String(i))
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(state.appends).toBe(0)
    room.doc.getText('t').insert(4, '4')
    await vi.advanceTimersByTimeAsync(200) // 1000 ms after the first change
    expect(state.appends).toBe(1)
    expect(await stored('s1')).toBe('01234')
  })

  it('keeps a document whose save fails in memory and retries until it succeeds', async () => {
    const { store, state, stored } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const room = await registry.acquire('s1')
    state.failAppends = true
    room.doc.getText('t').insert(0, 'precious')
    registry.release(room)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await registry.peek('s1')).toBe(room) // not unloaded while unsaved
    expect(room.hasUnsavedChanges()).toBe(true)
    state.failAppends = false
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await stored('s1')).toBe('precious')
    expect(await registry.peek('s1')).toBeUndefined() // unloaded once saved
  })

  it('unloads after the last holder leaves, compacting the log, and reloads the same text', async () => {
    const { store, state } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const room = await registry.acquire('s1')
    room.doc.getText('t').insert(0, 'kept')
    registry.release(room)
    await vi.advanceTimersByTimeAsync(0)
    expect(await registry.peek('s1')).toBeUndefined()
    expect(state.compacts).toBe(1)
    const again = await registry.acquire('s1')
    expect(again).not.toBe(room)
    expect(again.doc.getText('t').toString()).toBe('kept')
  })

  it('does not unload a room that someone joins while it is being saved', async () => {
    const { store } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const room = await registry.acquire('s1')
    room.doc.getText('t').insert(0, 'x')
    registry.release(room) // starts saving
    const joiner = await registry.acquire('s1')
    await vi.advanceTimersByTimeAsync(0)
    expect(joiner).toBe(room)
    expect(await registry.peek('s1')).toBe(room)
    joiner.doc.getText('t').insert(1, 'y')
    expect(joiner.doc.getText('t').toString()).toBe('xy')
  })

  it('refuses to serve a statement whose stored state cannot be read, and loads it afresh later', async () => {
    const { store, state, stored } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const first = await registry.acquire('s1')
    first.doc.getText('t').insert(0, 'stored')
    registry.release(first)
    await vi.advanceTimersByTimeAsync(0)
    state.failLoads = true
    await expect(registry.acquire('s1')).rejects.toThrow('disk on fire')
    expect(await registry.peek('s1')).toBeUndefined()
    expect(await stored('s1')).toBe('stored') // nothing saved over it
    state.failLoads = false
    expect((await registry.acquire('s1')).doc.getText('t').toString()).toBe('stored')
  })

  it('refuses stored state that cannot be decoded or refers to changes that are not stored, and leaves no timer behind', async () => {
    const { store, state } = controllableStore()
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    source.getText('t').insert(0, 'first')
    source.getText('t').insert(5, ' second')
    // A state with a log is applied at load: a broken one refuses the load.
    const registry = new DocumentRegistry({ ...store, load: async () => [updates[1]!, updates[1]!] }, OPTIONS, silentLogger)
    await expect(registry.acquire('s1')).rejects.toThrow('refers to changes that are not stored')
    const garbled = new DocumentRegistry({ ...store, load: async () => [new Uint8Array([1, 2, 3, 4, 5]), updates[0]!] }, OPTIONS, silentLogger)
    await expect(garbled.acquire('s1')).rejects.toThrow('cannot be decoded')
    expect(vi.getTimerCount()).toBe(0) // a room's awareness timer would otherwise outlive every failed attempt
    // One compacted state is applied at its first use: then the room refuses everything, and unloads untouched.
    for (const [record, message] of [
      [updates[1]!, 'refers to changes that are not stored'],
      [new Uint8Array([1, 2, 3, 4, 5]), 'cannot be decoded'],
    ] as const) {
      const lazy = new DocumentRegistry({ ...store, load: async () => [record] }, OPTIONS, silentLogger)
      const room = await lazy.acquire('s1')
      expect(() => room.doc).toThrow(message)
      expect(() => room.doc).toThrow(message)
      expect(() => room.assertUsable()).toThrow(message)
      await expect(lazy.withDocument('s1', (doc) => doc.getText('t').toString())).rejects.toThrow(message)
      lazy.release(room)
      await vi.runAllTimersAsync()
      expect(lazy.loadedRoom('s1')).toBeUndefined()
    }
    expect(vi.getTimerCount()).toBe(0)
    expect(state.appends + state.compacts).toBe(0)
  })

  it('saves every open statement at shutdown, including ones still waiting for the debounce', async () => {
    const { store, stored } = controllableStore()
    const registry = new DocumentRegistry(store, { ...OPTIONS, debounceMs: 60_000, maxWaitMs: 60_000 }, silentLogger)
    const a = await registry.acquire('a')
    const b = await registry.acquire('b')
    a.doc.getText('t').insert(0, 'alpha')
    b.doc.getText('t').insert(0, 'beta')
    await registry.closeAll()
    expect([await stored('a'), await stored('b')]).toEqual(['alpha', 'beta'])
  })

  it('reports a failed save at shutdown instead of pretending', async () => {
    const { store, state } = controllableStore()
    const registry = new DocumentRegistry(store, OPTIONS, silentLogger)
    const room = await registry.acquire('s1')
    room.doc.getText('t').insert(0, 'x')
    state.failAppends = true
    await expect(registry.closeAll()).rejects.toThrow('could not be saved')
  })
})
