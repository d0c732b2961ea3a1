import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Endpoint } from '../servers/benchServer.js'
import type { DeliveryLedger } from './deliveryLedger.js'
import type { LoadClient } from './loadClient.js'
import { formatMarker, nowMs, scanMarkers } from './marker.js'
import { paragraphText } from './seedDocument.js'

/** `ws` with fixed headers (cookie, Origin), as a browser would send them. */
function socketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  } as unknown as typeof WebSocket
}

/**
 * A real Yjs client: the stock provider of the server it talks to (y-websocket's
 * WebsocketProvider with disableBc, or @hocuspocus/provider) on a full Y.Doc
 * that applies everything. Its markers are read from the updates it applies, so
 * its latency includes integrating them; its text is checked for convergence.
 */
export class RealClient implements LoadClient {
  readonly doc = new Y.Doc()
  private disconnect: (() => void) | undefined
  private seq = 0
  updateBytesSent = 0

  constructor(
    private readonly endpoint: Endpoint,
    private readonly ledger: DeliveryLedger | null,
    readonly index: number,
    seed: Uint8Array | null,
    private readonly paragraph: number,
  ) {
    if (seed) Y.applyUpdate(this.doc, seed)
    this.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) {
        this.updateBytesSent += update.byteLength
        return
      }
      const ledger = this.ledger
      if (!ledger) return
      const receivedAt = nowMs()
      scanMarkers(update, (sender, seq, sentAt) => ledger.receive(this.index, sender, seq, sentAt, receivedAt))
    })
  }

  connect(): Promise<void> {
    const Socket = socketWithHeaders(this.endpoint.headers)
    if (this.endpoint.dialect === 'hocuspocus') {
      const websocketProvider = new HocuspocusProviderWebsocket({ url: this.endpoint.serverUrl, WebSocketPolyfill: Socket })
      const provider = new HocuspocusProvider({ websocketProvider, name: this.endpoint.room, document: this.doc })
      provider.attach()
      this.disconnect = () => {
        provider.destroy()
        websocketProvider.destroy()
      }
      return new Promise((resolve) => {
        if (provider.synced) resolve()
        else provider.on('synced', () => resolve())
      })
    }
    const provider = new WebsocketProvider(this.endpoint.serverUrl, this.endpoint.room, this.doc, {
      disableBc: true,
      WebSocketPolyfill: Socket as never,
      maxBackoffTime: 500,
    })
    this.disconnect = () => provider.destroy()
    return new Promise((resolve) => {
      if (provider.synced) resolve()
      else provider.once('sync', () => resolve())
    })
  }

  type(): void {
    if (!this.ledger) throw new Error('a probe does not type')
    const seq = this.seq++
    const sentAt = this.ledger.send(this.index, seq)
    const text = paragraphText(this.doc, this.paragraph)
    text.insert(text.length, formatMarker(this.index, seq, sentAt))
  }

  text(): string {
    return this.doc.getXmlFragment('default').toString()
  }

  close(): void {
    this.disconnect?.()
  }
}
