import type { IncomingMessage } from 'node:http'
import type { Express, Request } from 'express'

/**
 * The client address of a request Express never routes (a WebSocket upgrade),
 * by the same `trust proxy` rule as `req.ip`: X-Forwarded-For only from trusted
 * hops. It reads Express's own `req.ip` getter on a view of the raw request, so
 * HTTP routes and the WebSocket cannot disagree about who the client is.
 */
export function clientAddress(app: Express, req: IncomingMessage): string {
  const view = Object.create(app.request, {
    app: { value: app },
    headers: { value: req.headers },
    socket: { value: req.socket },
    connection: { value: req.socket },
  }) as Request
  return view.ip ?? req.socket.remoteAddress ?? 'unknown'
}
