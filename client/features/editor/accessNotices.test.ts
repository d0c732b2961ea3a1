import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { encodeAccessNotice, MESSAGE_AUTH } from '../../../shared/collab/accessNotice.js'
import { listenForAccessNotices } from './accessNotices.js'

type Handler = WebsocketProvider['messageHandlers'][number]

function fakeProvider(original: Handler) {
  const messageHandlers: Handler[] = []
  messageHandlers[MESSAGE_AUTH] = original
  return { messageHandlers } as unknown as WebsocketProvider
}

/** Delivers a message the way y-websocket's readMessage does: type read, then the handler. */
function deliver(provider: WebsocketProvider, message: Uint8Array) {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]!(encoding.createEncoder(), decoder, provider, true, type)
}

describe('listenForAccessNotices', () => {
  it('tracks the announced access and tells subscribers about changes only', () => {
    const original = vi.fn<Handler>()
    const provider = fakeProvider(original)
    const store = listenForAccessNotices(provider)
    const listener = vi.fn()
    store.subscribe(listener)

    expect(store.get()).toBeNull()
    deliver(provider, encodeAccessNotice({ access: 'read', status: 'drafting' }))
    deliver(provider, encodeAccessNotice({ access: 'read', status: 'drafting' }))
    expect(store.get()).toEqual({ access: 'read', status: 'drafting' })
    deliver(provider, encodeAccessNotice({ access: 'edit', status: 'drafting' }))
    expect(store.get()?.access).toBe('edit')
    // A reader's access stays 'read' when the text is locked; the status still changes.
    deliver(provider, encodeAccessNotice({ access: 'edit', status: 'locked' }))
    expect(store.get()?.status).toBe('locked')
    expect(listener).toHaveBeenCalledTimes(3)
    expect(original).not.toHaveBeenCalled()
  })

  it("passes y-protocols' own auth messages on untouched", () => {
    const original = vi.fn<Handler>((_encoder, decoder) => {
      expect(decoding.readVarUint(decoder)).toBe(0)
      expect(decoding.readVarString(decoder)).toBe('denied')
    })
    const provider = fakeProvider(original)
    listenForAccessNotices(provider)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarString(encoder, 'denied')
    deliver(provider, encoding.toUint8Array(encoder))
    expect(original).toHaveBeenCalledTimes(1)
  })

  it('ignores a notice it cannot read', () => {
    const provider = fakeProvider(vi.fn<Handler>())
    const store = listenForAccessNotices(provider)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '{not json')
    deliver(provider, encoding.toUint8Array(encoder))
    expect(store.get()).toBeNull()
  })
})
