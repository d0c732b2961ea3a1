import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Endpoint } from '../servers/benchServer.js'
import type { DeliveryLedger } from './deliveryLedger.js'
import { FrameCodec } from './frames.js'
import type { LoadClient } from './loadClient.js'
import { formatMarker, nowMs, scanMarkers } from './marker.js'
import { paragraphText } from './seedDocument.js'

/**
 * A protocol-level client: it speaks the sync handshake, reads markers straight
 * from the raw frames and never applies what it receives. Its Y.Doc holds only
 * the seed and its own edits, enough to encode valid inserts. One hundred real
 * Y.Docs in one process would cost O(N²) per round of edits and make the
 * generator, not the server, the bottleneck.
 */
export class LightClient implements LoadClient {
  private readonly doc = new Y.Doc()
  private readonly codec: FrameCodec
  private socket: WebSocket | undefined
  private seq = 0
  private handshakeDone = false
  /** When the frame being scanned arrived; read by onMarker (one bound callback, not a closure per frame). */
  private receivedAt = 0
  private readonly onMarker = (sender: number, seq: number, sentAt: number): void => this.ledger.receive(this.index, sender, seq, sentAt, this.receivedAt)
  updateBytesSent = 0

  constructor(
    private readonly endpoint: Endpoint,
    private readonly ledger: DeliveryLedger,
    readonly index: number,
    seed: Uint8Array,
    private readonly paragraph: number,
  ) {
    Y.applyUpdate(this.doc, seed)
    this.codec = new FrameCodec(endpoint.dialect, endpoint.room)
    this.doc.on('update', (update: Uint8Array) => {
      this.updateBytesSent += update.byteLength
      this.socket?.send(this.codec.update(update))
    })
  }

  connect(): Promise<void> {
    const url = this.endpoint.dialect === 'hocuspocus' ? this.endpoint.serverUrl : `${this.endpoint.serverUrl}/${this.endpoint.room}`
    const socket = new WebSocket(url, { headers: this.endpoint.headers })
    this.socket = socket
    return new Promise((resolve, reject) => {
      let gotStep2 = false
      let answeredStep1 = this.endpoint.dialect === 'hocuspocus'
      const settle = () => {
        if (gotStep2 && answeredStep1 && !this.handshakeDone) {
          this.handshakeDone = true
          resolve()
        }
      }
      socket.on('open', () => {
        for (const frame of this.codec.hello()) socket.send(frame)
        socket.send(this.codec.step1(Y.encodeStateVector(this.doc)))
      })
      socket.on('message', (data: Buffer) => {
        this.receivedAt = nowMs()
        scanMarkers(data, this.onMarker)
        // After the handshake only markers matter: decoding each frame would be garbage for the generator's GC.
        if (this.handshakeDone) return
        const frame = this.codec.decode(data)
        if (frame.kind === 'step1') {
          socket.send(this.codec.step2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)))
          answeredStep1 = true
        } else if (frame.kind === 'step2') gotStep2 = true
        settle()
      })
      socket.on('unexpected-response', (_request, response) => reject(new Error(`light client ${this.index}: upgrade refused with ${response.statusCode}`)))
      socket.on('error', (error) => reject(error))
      socket.on('close', (code, reason) => {
        if (!this.handshakeDone) reject(new Error(`light client ${this.index}: closed with ${code} ${reason.toString()} before syncing`))
        else if (code !== 1000 && code !== 1005) this.ledger.serverClosed(code)
      })
    })
  }

  type(): void {
    const seq = this.seq++
    const sentAt = this.ledger.send(this.index, seq)
    const text = paragraphText(this.doc, this.paragraph)
    text.insert(text.length, formatMarker(this.index, seq, sentAt))
  }

  close(): void {
    this.socket?.close(1000)
  }
}
