import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { STATEMENT_FRAGMENT } from '../../shared/schema/statementExtensions.js'
import { silentLogger } from '../logger.js'
import { createMemoryDocumentStore } from '../storage/memory/memoryDocumentStore.js'
import { DocumentRoom, type RoomPeer } from './documentRoom.js'
import { waitFor } from '../test/waitFor.js'
import { MessageType } from './protocol.js'
import type { WireFrame } from './wireFrame.js'

const PERSISTENCE = { debounceMs: 60_000, maxWaitMs: 60_000, compactAfterBytes: 1 << 20 }

class Peer implements RoomPeer {
  readonly frames: Uint8Array[] = []
  constructor(readonly name: string) {}
  send(message: Uint8Array): void {
    this.frames.push(message)
  }

  sendFrame(frame: WireFrame): void {
    this.frames.push(frame.message)
  }

  /** The document updates received, decoded from the y-websocket frames. */
  updates(): Uint8Array[] {
    return this.frames.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame)
      if (decoding.readVarUint(decoder) !== MessageType.sync) return []
      decoding.readVarUint(decoder)
      return [decoding.readVarUint8Array(decoder)]
    })
  }

  awarenessFrames(): number {
    return this.frames.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MessageType.awareness).length
  }
}

/** An update from a client `clientId` that appends a paragraph with `text` to what `base` holds. */
function paragraphUpdate(base: Y.Doc, clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment(STATEMENT_FRAGMENT)
  fragment.insert(fragment.length, [paragraph])
  return Y.encodeStateAsUpdate(doc, before)
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getXmlFragment(STATEMENT_FRAGMENT).toString()
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

const rooms: DocumentRoom[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
})

async function openRoom(...peers: Peer[]): Promise<DocumentRoom> {
  return openRoomWith(PERSISTENCE, ...peers)
}

async function openRoomWith(options: typeof PERSISTENCE & { broadcastFramesPerSecond?: number }, ...peers: Peer[]): Promise<DocumentRoom> {
  const room = await DocumentRoom.load('s1', createMemoryDocumentStore(), options, silentLogger)
  rooms.push(room)
  for (const peer of peers) room.peers.add(peer)
  return room
}

describe('a room’s broadcasts', () => {
  it('sends the updates of one event-loop turn as one frame per connection, at the end of the turn, never back to their sender', async () => {
    const [alice, bob, carol] = [new Peer('alice'), new Peer('bob'), new Peer('carol')]
    const room = await openRoom(alice, bob, carol)
    const sent = { alice: [] as Uint8Array[], bob: [] as Uint8Array[] }
    const type = (peer: Peer, clientId: number, text: string) => {
      const update = paragraphUpdate(room.doc, clientId, text)
      sent[peer.name as 'alice' | 'bob'].push(update)
      room.applyClientUpdate(update, peer, null)
    }
    type(alice, 101, 'one')
    type(alice, 101, 'two')
    type(bob, 102, 'three')
    expect([alice, bob, carol].map((peer) => peer.frames.length)).toEqual([0, 0, 0])

    await nextTurn()
    expect([alice, bob, carol].map((peer) => peer.updates().length)).toEqual([1, 1, 1])
    expect(textOf(carol.updates())).toBe(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString())
    // What each sender gets holds only the others' structs, and with its own edits makes the whole document.
    const clientsIn = (update: Uint8Array) => [...Y.parseUpdateMeta(update).to.keys()].sort()
    const clientsSent = (updates: Uint8Array[]) => [...new Set(updates.flatMap(clientsIn))].sort()
    expect(clientsIn(alice.updates()[0]!)).toEqual(clientsSent(sent.bob))
    expect(clientsIn(bob.updates()[0]!)).toEqual(clientsSent(sent.alice))
    expect(textOf([...sent.alice, ...alice.updates()])).toBe(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString())
    expect(textOf([...bob.updates(), ...sent.bob])).toBe(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString())
  })

  it('sends one frame to everyone, senders included, once a turn holds more senders than it is worth leaving out', async () => {
    const peers = Array.from({ length: 7 }, (_, i) => new Peer(`p${i}`))
    const room = await openRoom(...peers)
    for (const [i, peer] of peers.entries()) room.applyClientUpdate(paragraphUpdate(room.doc, 200 + i, `from ${i}`), peer, null)
    await nextTurn()
    const expected = room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString()
    for (const peer of peers) {
      expect(peer.updates()).toHaveLength(1)
      expect(textOf(peer.updates())).toBe(expected)
    }
    // Applying its own edits again changes nothing for a client that has them.
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc))
    Y.applyUpdate(client, peers[0]!.updates()[0]!)
    expect(client.getXmlFragment(STATEMENT_FRAGMENT).toString()).toBe(expected)
  })

  it('sends changes made by the server itself (a restore, a lock) to everyone', async () => {
    const [alice, bob] = [new Peer('alice'), new Peer('bob')]
    const room = await openRoom(alice, bob)
    Y.applyUpdate(room.doc, paragraphUpdate(room.doc, 300, 'restored'), 'restore')
    await nextTurn()
    expect(textOf(alice.updates())).toBe('<paragraph>restored</paragraph>')
    expect(textOf(bob.updates())).toBe('<paragraph>restored</paragraph>')
  })

  it('batches awareness changes too: one frame per turn with everyone else’s entries', async () => {
    const [alice, bob, carol] = [new Peer('alice'), new Peer('bob'), new Peer('carol')]
    const room = await openRoom(alice, bob, carol)
    // An awareness update as a provider writes it: entry count, then client id, clock and JSON state.
    const presence = (clientId: number, clock: number) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, JSON.stringify({ user: { name: `u${clientId}` } }))
      return encoding.toUint8Array(encoder)
    }
    awarenessProtocol.applyAwarenessUpdate(room.awareness, presence(11, 1), alice)
    awarenessProtocol.applyAwarenessUpdate(room.awareness, presence(12, 1), bob)
    awarenessProtocol.applyAwarenessUpdate(room.awareness, presence(11, 2), alice)
    await nextTurn()
    expect([alice, bob, carol].map((peer) => peer.awarenessFrames())).toEqual([1, 1, 1])
    const seenBy = (peer: Peer) => {
      const target = new awarenessProtocol.Awareness(new Y.Doc())
      for (const frame of peer.frames) {
        const decoder = decoding.createDecoder(frame)
        if (decoding.readVarUint(decoder) === MessageType.awareness) awarenessProtocol.applyAwarenessUpdate(target, decoding.readVarUint8Array(decoder), 'server')
      }
      const ids = [...target.getStates().keys()].filter((id) => id !== target.clientID).sort()
      target.destroy()
      return ids
    }
    expect([seenBy(alice), seenBy(bob), seenBy(carol)]).toEqual([[12], [11], [11, 12]])
  })

  it('holds a change that follows a broadcast within the window, then sends it merged with what else came', async () => {
    const [alice, bob] = [new Peer('alice'), new Peer('bob')]
    // Two connections at one frame a minute: a window of two minutes.
    const room = await openRoomWith({ ...PERSISTENCE, broadcastFramesPerSecond: 1 / 60 }, alice, bob)
    room.applyClientUpdate(paragraphUpdate(room.doc, 601, 'first'), alice, null)
    await nextTurn()
    expect(bob.updates()).toHaveLength(1)
    room.applyClientUpdate(paragraphUpdate(room.doc, 601, 'second'), alice, null)
    await nextTurn()
    room.applyClientUpdate(paragraphUpdate(room.doc, 601, 'third'), alice, null)
    await nextTurn()
    expect(bob.updates()).toHaveLength(1)
    // Flushing is what the window's timer does when it fires; both waiting changes go out as one frame.
    room.flush()
    expect(bob.updates()).toHaveLength(2)
    expect(textOf(bob.updates())).toBe('<paragraph>first</paragraph><paragraph>second</paragraph><paragraph>third</paragraph>')
  })

  it('waits longer between broadcasts the more connections a room has', async () => {
    // One frame a second: two connections make a window of 2 s; at a hundred million, a window of nothing.
    const [alice, bob] = [new Peer('alice'), new Peer('bob')]
    const slow = await openRoomWith({ ...PERSISTENCE, broadcastFramesPerSecond: 1 }, alice, bob)
    const [carol, dan] = [new Peer('carol'), new Peer('dan')]
    const fast = await openRoomWith({ ...PERSISTENCE, broadcastFramesPerSecond: 100_000_000 }, carol, dan)
    for (const [room, writer, reader] of [[slow, alice, bob], [fast, carol, dan]] as const) {
      room.applyClientUpdate(paragraphUpdate(room.doc, 611, 'first'), writer, null)
      await nextTurn()
      expect(reader.updates()).toHaveLength(1)
      room.applyClientUpdate(paragraphUpdate(room.doc, 611, 'second'), writer, null)
      await nextTurn()
    }
    expect(dan.updates()).toHaveLength(2)
    expect(bob.updates()).toHaveLength(1)
    // The window's own timer sends what waited.
    await waitFor(() => bob.updates().length === 2, { what: 'the held change' })
    expect(textOf(bob.updates())).toBe('<paragraph>first</paragraph><paragraph>second</paragraph>')
  })

  it('brings the updates of a turn into the document in one transaction, and any read before that sees them', async () => {
    const [alice, bob] = [new Peer('alice'), new Peer('bob')]
    const room = await openRoom(alice, bob)
    const fragment = room.doc.getXmlFragment(STATEMENT_FRAGMENT) // (its first read is a transaction of its own)
    let transactions = 0
    room.doc.on('afterTransaction', () => (transactions += 1))
    // Built on a copy, so that building them does not read the room's document.
    const copy = new Y.Doc()
    const updates = ['one', 'two', 'three'].map((text) => {
      const update = paragraphUpdate(copy, 621, text)
      Y.applyUpdate(copy, update)
      return update
    })
    for (const update of updates) room.applyClientUpdate(update, alice, null)
    await nextTurn()
    expect(transactions).toBe(1)
    expect(fragment.toString()).toBe('<paragraph>one</paragraph><paragraph>two</paragraph><paragraph>three</paragraph>')

    room.applyClientUpdate(paragraphUpdate(copy, 622, 'four'), alice, null)
    // Read before the broadcast: the document takes what waits first.
    expect(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString()).toContain('<paragraph>four</paragraph>')
    expect(transactions).toBe(2)
    await nextTurn()
    expect(transactions).toBe(2)
    expect(textOf(bob.updates())).toBe(fragment.toString())
  })

  it('saves a window’s updates as the one update of their transaction, and what still waits when a save comes first', async () => {
    const store = createMemoryDocumentStore()
    const room = await DocumentRoom.load('s1', store, PERSISTENCE, silentLogger)
    rooms.push(room)
    const alice = new Peer('alice')
    room.peers.add(alice)
    const copy = new Y.Doc()
    const type = (text: string) => {
      const update = paragraphUpdate(copy, 631, text)
      Y.applyUpdate(copy, update)
      room.applyClientUpdate(update, alice, null)
    }
    type('one')
    type('two')
    await nextTurn()
    type('three')
    // Saved before its broadcast: the save brings it into the document first.
    expect(room.hasUnsavedChanges()).toBe(true)
    await room.save()
    expect(room.hasUnsavedChanges()).toBe(false)
    const saved = await store.load('s1')
    expect(saved).toHaveLength(1)
    expect(textOf(saved)).toBe('<paragraph>one</paragraph><paragraph>two</paragraph><paragraph>three</paragraph>')
  })

  it('sends nothing after it is destroyed', async () => {
    const alice = new Peer('alice')
    const bob = new Peer('bob')
    const room = await openRoom(alice, bob)
    room.applyClientUpdate(paragraphUpdate(room.doc, 400, 'late'), alice, null)
    room.destroy()
    await nextTurn()
    expect(bob.frames).toEqual([])
  })
})

describe('a room’s twin', () => {
  it('is made at the first client update, and a refused update leaves the document and the next update unharmed', async () => {
    const alice = new Peer('alice')
    const room = await openRoom(alice)
    const outside = (() => {
      const doc = new Y.Doc()
      doc.clientID = 500
      doc.getMap('elsewhere').set('key', 'value')
      return Y.encodeStateAsUpdate(doc)
    })()
    expect(() => room.applyClientUpdate(outside, alice, null)).toThrow()
    expect(room.doc.share.has('elsewhere')).toBe(false)
    room.applyClientUpdate(paragraphUpdate(room.doc, 501, 'fine'), alice, 1_000)
    expect(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString()).toBe('<paragraph>fine</paragraph>')
  })
})

describe('a room loaded from one stored state', () => {
  it('answers sync from the stored bytes until something reads the document, then applies them once', async () => {
    const source = new Y.Doc()
    Y.applyUpdate(source, paragraphUpdate(source, 701, 'stored text'))
    const stored = Y.encodeStateAsUpdate(source)
    const store = createMemoryDocumentStore()
    await store.compact('s1', stored)
    const room = await DocumentRoom.load('s1', store, PERSISTENCE, silentLogger)
    rooms.push(room)
    expect(room.hasUnappliedState).toBe(true)

    // A fresh client (empty state vector) gets the stored bytes as they are; another gets what it lacks.
    expect(room.encodeStateAsUpdate(Y.encodeStateVector(new Y.Doc()))).toEqual(stored)
    const partial = new Y.Doc()
    Y.applyUpdate(partial, stored)
    expect(Y.parseUpdateMeta(room.encodeStateAsUpdate(Y.encodeStateVector(partial))).to.size).toBe(0)
    // The server's own sync step 1 too.
    expect(room.stateVector()).toEqual(Y.encodeStateVector(source))
    expect(room.hasUnappliedState).toBe(true)

    expect(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString()).toBe('<paragraph>stored text</paragraph>')
    expect(room.hasUnappliedState).toBe(false)
    const alice = new Peer('alice')
    room.peers.add(alice)
    room.applyClientUpdate(paragraphUpdate(room.doc, 702, 'edited'), alice, null)
    expect(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString()).toBe('<paragraph>stored text</paragraph><paragraph>edited</paragraph>')
    expect(textOf([room.encodeStateAsUpdate(Y.encodeStateVector(new Y.Doc()))])).toBe(room.doc.getXmlFragment(STATEMENT_FRAGMENT).toString())
  })
})

describe('a room’s answer to a fresh client', () => {
  it('is encoded once per change of the document, however many people open it in between', async () => {
    const alice = new Peer('alice')
    const room = await openRoom(alice)
    room.applyClientUpdate(paragraphUpdate(room.doc, 801, 'one'), alice, null)
    const empty = Y.encodeStateVector(new Y.Doc())
    const first = room.encodeStateAsUpdate(empty)
    expect(room.encodeStateAsUpdate(empty)).toBe(first)
    room.applyClientUpdate(paragraphUpdate(room.doc, 801, 'two'), alice, null)
    const second = room.encodeStateAsUpdate(empty)
    expect(second).not.toBe(first)
    expect(textOf([second])).toBe('<paragraph>one</paragraph><paragraph>two</paragraph>')
  })
})
