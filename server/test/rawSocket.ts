import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { browserHeaders } from './collabClient.js'
import type { TestServer } from './testServer.js'

export interface RawSocket {
  ws: WebSocket
  received: Uint8Array[]
  closeCode: () => number | null
  opened: () => Promise<void>
  /**
   * Sends sync step 1 and waits for the answer: every frame sent before it has been handled.
   * With `doc`, the step 1 carries its state, so the answer is only what it lacks.
   */
  roundTrip: (doc?: Y.Doc) => Promise<void>
}

/** A protocol client with full control over every byte it sends. */
export function rawSocket(server: TestServer, statementId: string, cookie: string | undefined): RawSocket {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${statementId}`, { headers: browserHeaders(server, cookie) })
  const received: Uint8Array[] = []
  let closeCode: number | null = null
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)))
  ws.on('close', (code) => (closeCode = code))
  ws.on('error', () => undefined)
  const opened = new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)))
  opened.catch(() => undefined)
  return {
    ws,
    received,
    closeCode: () => closeCode,
    opened: () => opened,
    roundTrip(doc?: Y.Doc) {
      // Event-driven rather than polled: fuzz tests call this hundreds of times.
      return new Promise<void>((resolve, reject) => {
        if (closeCode !== null) return resolve()
        const done = () => {
          clearTimeout(timer)
          ws.off('message', onMessage)
          ws.off('close', done)
          resolve()
        }
        const onMessage = (data: Buffer) => {
          if (isSyncStep2(new Uint8Array(data))) done()
        }
        const timer = setTimeout(() => {
          ws.off('message', onMessage)
          ws.off('close', done)
          reject(new Error('no sync step 2 answer within 10 s'))
        }, 10_000)
        ws.on('message', onMessage)
        ws.on('close', done)
        ws.send(syncStep1Message(doc))
      })
    },
  }
}

function isSyncStep2(frame: Uint8Array): boolean {
  if (frame.byteLength < 2) return false
  const decoder = decoding.createDecoder(frame)
  return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
}

export function syncStep1Message(doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function updateMessage(update: Uint8Array, syncType: number = syncProtocol.messageYjsUpdate): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message setting `entries` (state null removes), written byte by byte as y-protocols would. */
export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId)
    encoding.writeVarUint(update, entry.clock)
    encoding.writeVarString(update, JSON.stringify(entry.state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}
