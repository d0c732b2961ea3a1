import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { CollabConnection } from './collabConnection.js'
import type { DocumentRoom } from './documentRoom.js'
import { awarenessClientIds, decodeClientMessage, encodeAwarenessStates, encodeSyncStep2, ProtocolError } from './protocol.js'

/**
 * Applies one client frame to the room. Authority lives here, per message:
 * a read-only connection's document updates (sync step 2 and updates alike)
 * are dropped before they touch the document; awareness entries belong to the
 * connection that created them. Throws ProtocolError for anything malformed.
 */
export function handleClientMessage(room: DocumentRoom, connection: CollabConnection, frame: Uint8Array): void {
  const message = decodeClientMessage(frame)
  switch (message.kind) {
    case 'syncStep1':
      connection.send(guard(() => encodeSyncStep2(room.doc, message.stateVector)))
      return
    case 'syncStep2':
    case 'update':
      if (connection.access !== 'edit' || !room.textOpen) return
      guard(() => Y.applyUpdate(room.doc, message.update, connection))
      return
    case 'awareness':
      applyAwareness(room, connection, message.update)
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

function applyAwareness(room: DocumentRoom, connection: CollabConnection, update: Uint8Array): void {
  const ids = awarenessClientIds(update)
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
