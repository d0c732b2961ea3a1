import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import type { CollabConnection } from './collabConnection.js'
import { LimitExceeded, type CollabLimits } from './collabLimits.js'
import type { DocumentRoom } from './documentRoom.js'
import {
  assertDecodableUpdate,
  awarenessEntries,
  decodeClientMessage,
  encodeAwarenessStates,
  encodeSyncStep2,
  ProtocolError,
  type AwarenessEntry,
} from './protocol.js'

/**
 * Updates with at most this many structs plus delete ranges are applied without
 * the time limit: each part walks the text it touches at most once, so such an
 * update costs at most a few walks of the statement (milliseconds), and the
 * apply time is still charged to the sender's budget.
 */
export const SMALL_UPDATE_PARTS = 8

/**
 * Applies one client frame to the room. Authority lives here, per message:
 * a read-only connection's document updates (sync step 2 and updates alike)
 * are dropped before they touch the document; awareness entries belong to the
 * connection that created them. Throws ProtocolError for anything malformed
 * and LimitExceeded when the connection sends more than its limits allow.
 */
export function handleClientMessage(room: DocumentRoom, connection: CollabConnection, frame: Uint8Array, limits: CollabLimits): void {
  // Not a protocol error: a statement whose stored state did not apply closes every socket with 1011.
  room.assertUsable()
  const message = decodeClientMessage(frame)
  switch (message.kind) {
    case 'syncStep1':
      // Each answer encodes the part of the document the sender lacks, up to all of it: an amplification.
      if (!connection.syncStep1Budget.take()) throw new LimitExceeded(CloseCode.rateLimited, 'too many sync requests')
      if (connection.handshake === 'notStarted') connection.handshake = 'awaitingStep2'
      connection.send(encodeSyncStep2(guard(() => room.encodeStateAsUpdate(message.stateVector))))
      return
    case 'syncStep2':
    case 'update': {
      // Charged before the access check: a read-only flood costs decoding time too.
      if (!connection.updateBudget.take()) throw new LimitExceeded(CloseCode.rateLimited, 'too many document updates')
      if (message.kind === 'syncStep2') connection.handshake = 'done'
      if (connection.access !== 'edit' || !room.textOpen) return
      // A provider sends what it types as soon as the socket opens, and answers the server's sync step 1
      // with everything the server lacks, including those edits. After a server crash they also build on
      // edits the server lost, which only that step 2 brings: tried alone they would be refused and the
      // client with them. So they wait for the step 2 that carries them. Found by the crash loop
      // (server/test/crashLoop.test.ts): every typist reconnecting after a kill -9 was closed with 4400.
      if (message.kind === 'update' && connection.handshake === 'awaitingStep2') return
      const shape = assertDecodableUpdate(message.update, { itemDepth: room.itemDepth })
      // Nothing to apply (a client's answer to the server's sync step 1 when it had nothing new).
      if (shape.structs === 0 && shape.deleteRanges === 0) return
      // A keystroke's update is one struct; a few parts bound Yjs's work without the vm's watchdog (see applyClientUpdate).
      const timeLimitMs = shape.structs + shape.deleteRanges <= SMALL_UPDATE_PARTS ? null : limits.updateApplyMs
      try {
        const elapsedMs = room.applyClientUpdate(message.update, connection, timeLimitMs)
        if (!connection.applyTimeBudget.take(elapsedMs)) throw new LimitExceeded(CloseCode.rateLimited, 'updates too slow to apply')
      } catch (error) {
        if (error instanceof LimitExceeded) throw error
        guard(() => {
          throw error
        })
      }
      return
    }
    case 'awareness':
      applyAwareness(room, connection, message.update, limits)
      return
    case 'queryAwareness': {
      const ids = [...room.awareness.getStates().keys()]
      if (ids.length > 0) connection.send(encodeAwarenessStates(room.awareness, ids))
      return
    }
    case 'auth':
      return
  }
}

function applyAwareness(room: DocumentRoom, connection: CollabConnection, update: Uint8Array, limits: CollabLimits): void {
  const entries = awarenessEntries(update)
  // A stock y-websocket provider sends every awareness change it sees back to the server, other people's
  // included. Such echoes say nothing new and are dropped before they cost the sender anything: charged,
  // one connection's flood would close every honest provider in the room with 4429 (their echoes of it).
  if (!entries.some((entry) => speaksForItself(room, connection, entry))) return
  if (!connection.awarenessBudget.take()) throw new LimitExceeded(CloseCode.rateLimited, 'too many awareness updates')
  checkAwarenessLimits(connection, entries, limits)
  const ids = entries.map((entry) => entry.clientId)
  if (ids.some((id) => (room.awarenessOwners.get(id) ?? connection) !== connection)) return
  guard(() => awarenessProtocol.applyAwarenessUpdate(room.awareness, update, connection))
  const states = room.awareness.getStates()
  for (const id of ids) {
    if (states.has(id)) {
      room.awarenessOwners.set(id, connection)
      connection.controlledClientIds.add(id)
    } else {
      room.awarenessOwners.delete(id)
      connection.controlledClientIds.delete(id)
    }
  }
}

/** The connection's own entry, or a new one it claims; not an echo of somebody else's entry or of its removal. */
function speaksForItself(room: DocumentRoom, connection: CollabConnection, entry: AwarenessEntry): boolean {
  const owner = room.awarenessOwners.get(entry.clientId)
  if (owner !== undefined) return owner === connection
  return !entry.removes && !room.awareness.getStates().has(entry.clientId)
}

/** Checked before y-protocols parses any JSON, so an oversized state costs no parse. */
function checkAwarenessLimits(connection: CollabConnection, entries: ReturnType<typeof awarenessEntries>, limits: CollabLimits): void {
  const held = new Set(connection.controlledClientIds)
  for (const entry of entries) {
    if (entry.stateBytes > limits.maxAwarenessStateBytes) {
      throw new LimitExceeded(CloseCode.awarenessTooLarge, `awareness state of ${entry.stateBytes} bytes`)
    }
    if (!entry.removes) held.add(entry.clientId)
  }
  if (held.size > limits.maxAwarenessClients) {
    throw new LimitExceeded(CloseCode.awarenessTooLarge, `${held.size} awareness entries on one connection`)
  }
}

/** Removes a departing connection's presence, telling everyone else. */
export function removeConnectionAwareness(room: DocumentRoom, connection: CollabConnection): void {
  const ids = [...connection.controlledClientIds]
  for (const id of ids) room.awarenessOwners.delete(id)
  connection.controlledClientIds.clear()
  if (ids.length > 0) awarenessProtocol.removeAwarenessStates(room.awareness, ids, null)
}

function guard<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`rejected payload: ${(error as Error).message}`)
  }
}
