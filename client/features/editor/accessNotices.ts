import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_AUTH, readAccessNotice, type AccessNotice } from '../../../shared/collab/accessNotice.js'
import type { StatementDto } from '../../../shared/api/dto.js'

export type LiveAccess = StatementDto['access']

/** The latest access and status the server announced on this connection, as a store React can subscribe to. */
export interface AccessNoticeStore {
  get: () => AccessNotice | null
  subscribe: (listener: () => void) => () => void
}

type MessageHandler = WebsocketProvider['messageHandlers'][number]

/**
 * Teaches one provider Plenary's access notice (shared/collab/accessNotice.ts).
 * It arrives as an auth message with sub-type 1; any other auth message goes on
 * to y-websocket's own handler untouched. Installed right after the provider is
 * created, so the notice the server sends at join cannot arrive before it.
 */
export function listenForAccessNotices(provider: WebsocketProvider): AccessNoticeStore {
  let current: AccessNotice | null = null
  const listeners = new Set<() => void>()
  const original = provider.messageHandlers[MESSAGE_AUTH] as MessageHandler

  const handler: MessageHandler = (encoder, decoder, handlingProvider, emitSynced, messageType) => {
    let notice = null
    try {
      notice = readAccessNotice(decoding.clone(decoder))
    } catch {
      // A malformed notice is ignored: the server enforces access whatever the editor shows.
    }
    if (notice === null) return original(encoder, decoder, handlingProvider, emitSynced, messageType)
    if (notice.access !== current?.access || notice.status !== current?.status) {
      current = notice
      for (const listener of listeners) listener()
    }
  }
  provider.messageHandlers[MESSAGE_AUTH] = handler

  return {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
