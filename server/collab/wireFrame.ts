import type WebSocket from 'ws'
import * as ws from 'ws'

/**
 * ws's own framing and frame writer, which its public API does not declare:
 * `WebSocket.Sender.frame` builds a frame's bytes, and each socket's sender
 * writes a list of such bytes in order with what `send` writes. Socket.IO's
 * engine.io broadcasts pre-encoded frames through the same two members.
 */
interface SenderClass {
  frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[]
}
interface SocketSender {
  sendFrame(list: Buffer[], callback?: () => void): void
}

// A named export of ws's ES module (its CommonJS entry hangs it on WebSocket instead); absent from @types/ws.
const Sender = (ws as unknown as { Sender?: SenderClass }).Sender
const BINARY_OPCODE = 2

/**
 * A message that goes to many sockets: framed for the wire once, then written
 * to each socket as one buffer. `ws.send` would frame it again per socket and
 * write a header and a payload (cork, two writes, uncork); in a broadcast to a
 * hundred people that is most of the JavaScript time a send costs.
 */
export class WireFrame {
  private framed: Buffer | undefined

  constructor(readonly message: Uint8Array) {}

  /** The whole WebSocket frame: an unmasked, final, binary frame, as a server sends it. */
  get bytes(): Buffer | undefined {
    if (this.framed === undefined && Sender) {
      const payload = Buffer.from(this.message.buffer, this.message.byteOffset, this.message.byteLength)
      const parts = Sender.frame(payload, { fin: true, opcode: BINARY_OPCODE, mask: false, readOnly: true, rsv1: false })
      this.framed = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
    }
    return this.framed
  }
}

/**
 * Writes a pre-framed message to an open socket, or returns false when this
 * version of ws does not offer the pieces (the caller then uses `ws.send`).
 * Only valid without permessage-deflate (the collaboration server turns it
 * off): with it, ws may hold frames back while it compresses, and this one
 * would overtake them.
 */
export function writeFrame(socket: WebSocket, frame: WireFrame): boolean {
  const sender = (socket as unknown as { _sender?: Partial<SocketSender> })._sender
  const bytes = frame.bytes
  if (!bytes || typeof sender?.sendFrame !== 'function') return false
  sender.sendFrame([bytes])
  return true
}
