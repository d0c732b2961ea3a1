/**
 * The y-websocket wire protocol as small pure functions, so the relay never
 * touches a decoder directly and every malformed input surfaces as one error type.
 *
 * A frame is one message: varUint message type, then
 *   0 sync:      varUint sync type (0 step 1 | 1 step 2 | 2 update), varUint8Array payload
 *   1 awareness: varUint8Array awareness update
 *   2 auth:      (server to client only; clients' auth messages are ignored)
 *   3 query awareness: no payload
 * See y-protocols' PROTOCOL.md.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { InvalidUpdate, validateUpdate, type UpdateShape, type ValidateOptions } from './updateValidator.js'

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' }

export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === syncProtocol.messageYjsSyncStep1) return { kind: 'syncStep1', stateVector: payload }
        if (syncType === syncProtocol.messageYjsSyncStep2) return { kind: 'syncStep2', update: payload }
        if (syncType === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload }
        throw new ProtocolError(`unknown sync message type ${syncType}`)
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' }
      case MessageType.auth:
        return { kind: 'auth' }
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`undecodable message: ${(error as Error).message}`)
  }
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A sync step 1 carrying the server's state vector (see DocumentRoom.stateVector). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(e, stateVector)
  })
}

/** A sync step 2 carrying `update`: what the peer lacked (see DocumentRoom.encodeStateAsUpdate). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds))
}

export interface AwarenessEntry {
  clientId: number
  /** UTF-8 bytes of the entry's JSON state; "null" (4 bytes) removes the entry. */
  stateBytes: number
  removes: boolean
}

const NULL_STATE = new TextEncoder().encode('null')

/**
 * The entries an awareness update speaks for (varUint count, then id, clock,
 * JSON state each), read without parsing the JSON so that sizes can be checked
 * before y-protocols parses anything.
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      // A varString is a varUint8Array of UTF-8: reading the bytes measures without decoding.
      const state = decoding.readVarUint8Array(decoder)
      entries.push({ clientId, stateBytes: state.byteLength, removes: equalBytes(state, NULL_STATE) })
    }
    return entries
  } catch (error) {
    throw new ProtocolError(`undecodable awareness update: ${(error as Error).message}`)
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i])
}

/**
 * Checks an update's whole structure (every struct, every content, the delete
 * set, nothing after it) before Yjs sees it, in time linear in its size; see
 * updateValidator.ts for what else it refuses. Yjs integrates structs before it
 * reads the delete set, so a frame truncated in its delete set would otherwise
 * change the document and then throw: half an update, saved.
 */
export function assertDecodableUpdate(update: Uint8Array, options: ValidateOptions = {}): UpdateShape {
  try {
    return validateUpdate(update, options)
  } catch (error) {
    if (!(error instanceof InvalidUpdate)) throw error
    throw new ProtocolError(`invalid update: ${error.message}`)
  }
}
