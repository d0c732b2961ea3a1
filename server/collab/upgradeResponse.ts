import type { Duplex } from 'node:stream'
import { STATUS_CODES } from 'node:http'
import type { ErrorCode } from '../../shared/api/errorCodes.js'

/** Refuses a WebSocket upgrade with a plain HTTP response, before any protocol switch. */
export function refuseUpgrade(socket: Duplex, status: number, code: ErrorCode, message: string): void {
  if (socket.destroyed) return
  const body = JSON.stringify({ error: { code, message } })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  )
}
