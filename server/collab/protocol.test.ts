import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { awarenessClientIds, decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeUpdate, ProtocolError } from './protocol.js'

describe('decodeClientMessage', () => {
  it('reads what the encoders write', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hi')
    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update })
    expect(decodeClientMessage(encodeSyncStep1(doc)).kind).toBe('syncStep1')
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

describe('awarenessClientIds', () => {
  it('lists the client ids an awareness update speaks for', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'A' } })
    expect(awarenessClientIds(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))).toEqual([awareness.clientID])
    awareness.destroy()
  })

  it('throws ProtocolError for a truncated update', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint(encoder, 1)
    expect(() => awarenessClientIds(encoding.toUint8Array(encoder))).toThrow(ProtocolError)
  })
})
