import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Dialect } from '../servers/benchServer.js'

/**
 * Just enough of the two wire formats for a light client: y-websocket's
 * [type][sync sub-type][payload] and Hocuspocus' [document name][type]...,
 * where Hocuspocus also answers a sync step 1 with a SyncReply (4) and wants an
 * Auth (2) message first.
 */
const SYNC = 0
const AUTH = 2
const SYNC_REPLY = 4
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

export type IncomingFrame = { kind: 'step1'; stateVector: Uint8Array } | { kind: 'step2' | 'update'; update: Uint8Array } | { kind: 'other' }

export class FrameCodec {
  constructor(readonly dialect: Dialect, readonly room: string) {}

  private frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder()
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.room)
    encoding.writeVarUint(encoder, type)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }

  private sync(subType: number, payload: Uint8Array): Uint8Array {
    return this.frame(SYNC, (encoder) => {
      encoding.writeVarUint(encoder, subType)
      encoding.writeVarUint8Array(encoder, payload)
    })
  }

  /** What a client sends first: Hocuspocus' empty token; nothing for y-websocket. */
  hello(): Uint8Array[] {
    if (this.dialect !== 'hocuspocus') return []
    return [
      this.frame(AUTH, (encoder) => {
        encoding.writeVarUint(encoder, 0)
        encoding.writeVarString(encoder, '')
      }),
    ]
  }

  step1(stateVector: Uint8Array): Uint8Array {
    return this.sync(STEP1, stateVector)
  }

  step2(update: Uint8Array): Uint8Array {
    return this.sync(STEP2, update)
  }

  update(update: Uint8Array): Uint8Array {
    return this.sync(UPDATE, update)
  }

  decode(data: Uint8Array): IncomingFrame {
    const decoder = decoding.createDecoder(data)
    if (this.dialect === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== SYNC && type !== SYNC_REPLY) return { kind: 'other' }
    const subType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (subType === STEP1) return { kind: 'step1', stateVector: payload }
    if (subType === STEP2) return { kind: 'step2', update: payload }
    if (subType === UPDATE) return { kind: 'update', update: payload }
    return { kind: 'other' }
  }
}
