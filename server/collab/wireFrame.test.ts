import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { waitFor } from '../test/waitFor.js'
import { WireFrame, writeFrame } from './wireFrame.js'

const servers: WebSocketServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A real ws server (no permessage-deflate, as the collaboration server) and a client connected to it. */
async function connectedPair(): Promise<{ server: WebSocket; client: WebSocket; received: Buffer[] }> {
  const wss = new WebSocketServer({ port: 0, perMessageDeflate: false })
  servers.push(wss)
  await new Promise((resolve) => wss.once('listening', resolve))
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  const received: Buffer[] = []
  client.on('message', (data: Buffer) => received.push(data))
  await new Promise((resolve) => client.once('open', resolve))
  return { server: await accepted, client, received }
}

describe('pre-framed broadcasts', () => {
  it('take the pre-framed path with the installed ws, and arrive as the very messages, at every length boundary of the frame header, in order with ordinary sends', async () => {
    const { server, received } = await connectedPair()
    // 125, 126 and 65,536 bytes are where the header's length field changes size.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]
    const messages = lengths.map((length, index) => Uint8Array.from({ length }, (_, i) => (i * 31 + index) % 256))
    for (const [index, message] of messages.entries()) {
      if (index % 2 === 0) server.send(message)
      else expect(writeFrame(server, new WireFrame(message))).toBe(true)
    }
    // One frame written to several sockets: framed once.
    const shared = new WireFrame(Uint8Array.of(1, 2, 3))
    expect(shared.bytes).toBe(shared.bytes)
    // writeFrame is false where ws lacks the pieces: an upgrade that removes them fails here, not silently in production.
    expect(writeFrame(server, shared)).toBe(true)
    await waitFor(() => received.length === messages.length + 1, { what: 'every message' })
    expect(received.map((data) => [...data])).toEqual([...messages, Uint8Array.of(1, 2, 3)].map((message) => [...message]))
  })

  it('frames a view into a larger buffer as just its own bytes', async () => {
    const { server, received } = await connectedPair()
    const backing = Uint8Array.from({ length: 64 }, (_, i) => i)
    writeFrame(server, new WireFrame(backing.subarray(10, 20)))
    await waitFor(() => received.length === 1, { what: 'the message' })
    expect([...(received[0] as Buffer)]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
  })
})
