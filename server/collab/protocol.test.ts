import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { assertDecodableUpdate, awarenessEntries, decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeUpdate, ProtocolError } from './protocol.js'

describe('decodeClientMessage', () => {
  it('reads what the encoders write', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hi')
    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update })
    expect(decodeClientMessage(encodeSyncStep1(Y.encodeStateVector(doc))).kind).toBe('syncStep1')
    expect(decodeClientMessage(encodeAwareness(new Uint8Array([0])))).toEqual({ kind: 'awareness', update: new Uint8Array([0]) })
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'queryAwareness' })
  })

  it.each([
    ['empty frame', []],
    ['unknown message type', [42]],
    ['unknown sync type', [0, 7, 0]],
    ['length beyond the frame', [0, 2, 0xff, 0x01, 1, 2]],
    ['unterminated varint', [0xff, 0xff, 0xff]],
    ['oversized varint', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['sync without payload', [0, 2]],
  ])('throws ProtocolError for %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError)
  })
})

describe('awarenessEntries', () => {
  it('lists the entries an awareness update speaks for, with their state sizes', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Ä' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    expect(awarenessEntries(update)).toEqual([{ clientId: awareness.clientID, stateBytes: Buffer.byteLength('{"user":{"name":"Ä"}}'), removes: false }])
    awareness.setLocalState(null)
    expect(awarenessEntries(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))).toEqual([{ clientId: awareness.clientID, stateBytes: 4, removes: true }])
    awareness.destroy()
  })

  it('throws ProtocolError for a truncated update', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint(encoder, 1)
    expect(() => awarenessEntries(encoding.toUint8Array(encoder))).toThrow(ProtocolError)
  })
})

describe('assertDecodableUpdate', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'hello')
  const update = Y.encodeStateAsUpdate(doc)

  it('accepts a whole update and the empty update', () => {
    expect(() => assertDecodableUpdate(update)).not.toThrow()
    expect(() => assertDecodableUpdate(new Uint8Array([0, 0]))).not.toThrow()
  })

  it('rejects every truncation, including one that Yjs would half-apply', () => {
    for (let length = 0; length < update.byteLength; length += 1) {
      expect(() => assertDecodableUpdate(update.subarray(0, length)), `first ${length} bytes`).toThrow(ProtocolError)
    }
    // Yjs integrates the structs before reading the delete set: without the check this changes the document.
    const target = new Y.Doc()
    expect(() => Y.applyUpdate(target, update.subarray(0, update.byteLength - 1))).toThrow()
    expect(target.getText('t').toString()).toBe('hello')
  })
})
