import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { ipKeyGenerator } from 'express-rate-limit'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { encodeAccessNotice } from '../../shared/collab/accessNotice.js'
import { CLOSE_REASONS, CloseCode } from '../../shared/collab/closeCodes.js'
import { NO_AUDIENCE, statementAccess, type Actor, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { isDisabled } from '../../shared/domain/user.js'
import { readSessionToken } from '../http/sessionCookie.js'
import type { ServiceContext } from '../services/context.js'
import { resolveSession, sessionIsLive } from '../services/sessions.js'
import { resolveAudience } from '../services/statementAudience.js'
import { CollabConnection } from './collabConnection.js'
import { DEFAULT_COLLAB_LIMITS, LimitExceeded, type CollabLimits } from './collabLimits.js'
import { KeyedRateLimit } from './keyedRateLimit.js'
import type { DocumentRegistry } from './documentRegistry.js'
import type { DocumentRoom } from './documentRoom.js'
import { handleClientMessage, removeConnectionAwareness } from './messageHandler.js'
import { encodeAwarenessStates, encodeSyncStep1, ProtocolError } from './protocol.js'
import { refuseUpgrade } from './upgradeResponse.js'

/** `/collab/<statementId>`, exactly: no double slashes, no encoded slashes, no trailing parts. */
const COLLAB_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/
export const COLLAB_PATH_PREFIX = '/collab/'

const HEARTBEAT_MS = 30_000
const SESSION_SWEEP_MS = 15_000
/** Frames a client may send while its statement is still loading. */
const MAX_EARLY_FRAMES = 256

export interface CollabServerOptions {
  ctx: ServiceContext
  registry: DocumentRegistry
  maxMessageBytes: number
  /** The only Origin a browser may connect from; requests without Origin (non-browser clients) still need a session. */
  allowedOrigin: () => string
  /** Per-connection awareness caps and message rates, upgrade rates; the defaults when omitted. */
  limits?: CollabLimits
  /** Who is asking, by the HTTP routes' `trust proxy` rule; the socket's peer address when omitted. */
  clientAddress?: (req: IncomingMessage) => string
  /** How often sockets whose session has expired are closed (4401); SESSION_SWEEP_MS when omitted. Tests shorten it. */
  sessionSweepMs?: number
}

/**
 * The collaboration relay. Authority at the connection: the upgrade is refused
 * with an HTTP status before the protocol switch (401 no session, 403 foreign
 * Origin, 404 statement unknown or invisible), every message is checked against
 * the connection's current access, and permission or session changes close or
 * downgrade live sockets.
 */
export class CollabServer {
  private readonly wss: WebSocketServer
  private readonly connections = new Set<CollabConnection>()
  private readonly timers: NodeJS.Timeout[] = []
  private closing = false
  private readonly limits: CollabLimits
  private readonly upgradesByAddress: KeyedRateLimit
  private readonly upgradesByUser: KeyedRateLimit
  /** Per statement, the re-check from storage under way: they run one after another. */
  private readonly rechecks = new Map<string, Promise<void>>()

  constructor(private readonly options: CollabServerOptions) {
    this.limits = options.limits ?? DEFAULT_COLLAB_LIMITS
    const { upgradesPerMinutePerAddress: perAddress, upgradesPerMinutePerUser: perUser } = this.limits
    this.upgradesByAddress = new KeyedRateLimit(perAddress, perAddress / 60)
    this.upgradesByUser = new KeyedRateLimit(perUser, perUser / 60)
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
      clientTracking: false,
    })
    const { events } = options.ctx
    events.on('statementChanged', this.onStatementChanged)
    events.on('sessionEnded', this.onSessionEnded)
    events.on('userChanged', this.onUserChanged)
    this.timers.push(setInterval(this.heartbeat, HEARTBEAT_MS), setInterval(() => void this.sweepSessions(), options.sessionSweepMs ?? SESSION_SWEEP_MS))
    for (const timer of this.timers) timer.unref()
  }

  static isCollabRequest(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(COLLAB_PATH_PREFIX)
  }

  readonly handleUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy())
    try {
      await this.authoriseAndUpgrade(req, socket, head)
    } catch (error) {
      this.options.ctx.logger.error('WebSocket upgrade failed', error)
      refuseUpgrade(socket, 500, 'internal_error', 'Something went wrong on the server')
    }
  }

  private async authoriseAndUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (this.closing) return refuseUpgrade(socket, 503, 'storage_unavailable', 'The server is shutting down')
    // Every attempt counts, refused ones too: this is what bounds cookie guessing and reconnect loops.
    const address = this.options.clientAddress?.(req) ?? req.socket.remoteAddress ?? 'unknown'
    // IPv6 clients are keyed by their /56, as express-rate-limit keys the HTTP limits.
    if (!this.upgradesByAddress.take(ipKeyGenerator(address))) return refuseUpgrade(socket, 429, 'rate_limited', 'Too many connections from this address; try again in a minute')
    // The path as sent, not `new URL(...).pathname`, which would resolve `.` and `..`
    // segments: the room is exactly one segment, whatever a proxy in front makes of the rest.
    const match = COLLAB_PATH.exec((req.url ?? '/').split('?')[0] as string)
    if (!match) return refuseUpgrade(socket, 404, 'not_found', 'No such statement')
    const statementId = match[1] as string
    const { ctx } = this.options
    const resolved = await resolveSession(ctx, readSessionToken(req.headers.cookie))
    if (!resolved) return refuseUpgrade(socket, 401, 'unauthenticated', 'Sign in first')
    // A connection closed for its limits (4429, 4400) can come straight back: this caps how often.
    if (!this.upgradesByUser.take(resolved.user.id)) return refuseUpgrade(socket, 429, 'rate_limited', 'Too many connections; try again in a minute')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== this.options.allowedOrigin()) {
      return refuseUpgrade(socket, 403, 'origin_mismatch', 'Connections are accepted only from the Plenary site')
    }
    const statement = await ctx.storage.statements.get(statementId)
    const access = statement ? statementAccess(resolved.user, statement, await resolveAudience(ctx, statement)) : 'none'
    if (access === 'none') return refuseUpgrade(socket, 404, 'not_found', 'No such statement')
    if (socket.destroyed) return
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      void this.serve(new CollabConnection(ws, statementId, resolved.session.id, resolved.user, access, (statement as Statement).status, this.limits))
    })
  }

  private async serve(connection: CollabConnection): Promise<void> {
    const { ws } = connection
    this.connections.add(connection)
    let room: DocumentRoom | null = null
    let closed = false
    const early: Uint8Array[] = []

    ws.on('pong', () => (connection.alive = true))
    ws.on('error', () => undefined) // 'close' follows; ws closes oversized frames with 1009 itself
    ws.on('message', (data, isBinary) => {
      // ws still delivers frames that were in flight when we closed: nothing from a rejected socket gets in.
      if (ws.readyState !== ws.OPEN) return
      // Copy into an exact-size buffer: ws may hand out views into a shared pool,
      // and a forged length must not read a neighbour's bytes.
      const frame = isBinary ? new Uint8Array(toBuffer(data)) : null
      if (!frame) return this.reject(connection, CloseCode.malformedMessage)
      if (!room) {
        if (early.length >= MAX_EARLY_FRAMES) return this.reject(connection, CloseCode.malformedMessage)
        early.push(frame)
        return
      }
      this.receive(room, connection, frame)
    })
    ws.on('close', () => {
      closed = true
      this.connections.delete(connection)
      if (room) this.leave(room, connection)
    })

    try {
      room = await this.options.registry.acquire(connection.statementId)
    } catch (error) {
      this.options.ctx.logger.error(`Loading statement ${connection.statementId} failed; refusing connections to it`, error)
      return this.reject(connection, CloseCode.internalError)
    }
    if (closed) return this.options.registry.release(room)
    room.peers.add(connection)
    connection.send(encodeAccessNotice({ access: connection.access, status: connection.status }))
    const present = [...room.awareness.getStates().keys()]
    if (present.length > 0) connection.send(encodeAwarenessStates(room.awareness, present))
    // A client's sync step 1 that came while the statement loaded is answered first.
    for (const frame of early.splice(0)) this.receive(room, connection, frame)
    // Reading the state vector from stored bytes takes a while for a long history: the answer above is
    // handed to the kernel first. A ping's callback runs once everything sent before it is written.
    if (room.hasUnappliedState) await written(ws)
    if (closed || connection.ws.readyState !== connection.ws.OPEN) return
    try {
      connection.send(encodeSyncStep1(room.stateVector()))
    } catch (error) {
      // The stored state could not be applied (logged by the room): nobody may work on a document that is not whole.
      this.options.ctx.logger.error(`Statement ${connection.statementId} could not be opened; refusing the connection`, error)
      this.reject(connection, CloseCode.internalError)
    }
  }

  private receive(room: DocumentRoom, connection: CollabConnection, frame: Uint8Array): void {
    try {
      handleClientMessage(room, connection, frame, this.limits)
    } catch (error) {
      if (error instanceof LimitExceeded) return this.reject(connection, error.closeCode)
      if (!(error instanceof ProtocolError)) this.options.ctx.logger.error('Collaboration message failed', error)
      this.reject(connection, error instanceof ProtocolError ? CloseCode.malformedMessage : CloseCode.internalError)
    }
  }

  private leave(room: DocumentRoom, connection: CollabConnection): void {
    if (!room.peers.delete(connection)) return
    removeConnectionAwareness(room, connection)
    this.options.registry.release(room)
  }

  private reject(connection: CollabConnection, code: number): void {
    connection.close(code, CLOSE_REASONS[code] ?? '')
  }

  /**
   * At once with what the writer saw, so no update slips in after the HTTP answer;
   * then again from storage, because two changes that race (a statement's settings
   * and its working group's members) may announce in the other order than they were written.
   */
  private readonly onStatementChanged = (statement: Statement, audience: StatementAudience): void => {
    this.reauthoriseStatement(statement.id, statement, audience)
    this.recheck(statement.id)
  }

  private reauthoriseStatement(statementId: string, statement: Statement | null, audience: StatementAudience): void {
    for (const connection of this.connections) {
      if (connection.statementId === statementId) this.reauthorise(connection, statement, audience)
    }
  }

  private recheck(statementId: string): void {
    const previous = this.rechecks.get(statementId) ?? Promise.resolve()
    const next = previous
      .then(async () => {
        const { storage } = this.options.ctx
        const statement = await storage.statements.get(statementId)
        const audience = statement ? await resolveAudience(this.options.ctx, statement) : NO_AUDIENCE
        this.reauthoriseStatement(statementId, statement, audience)
      })
      .catch((error) => this.options.ctx.logger.error(`Re-checking access to ${statementId} failed`, error))
      .finally(() => {
        if (this.rechecks.get(statementId) === next) this.rechecks.delete(statementId)
      })
    this.rechecks.set(statementId, next)
  }

  private reauthorise(connection: CollabConnection, statement: Statement | null, audience: StatementAudience, actor: Actor = connection.actor): void {
    connection.actor = actor
    const access = statement ? statementAccess(actor, statement, audience) : 'none'
    if (access === 'none' || !statement) return this.reject(connection, CloseCode.notFound)
    if (access === connection.access && statement.status === connection.status) return
    connection.access = access
    connection.status = statement.status
    connection.send(encodeAccessNotice({ access, status: statement.status }))
  }

  private readonly onSessionEnded = (sessionId: string): void => {
    for (const connection of this.connections) {
      if (connection.sessionId === sessionId) this.reject(connection, CloseCode.unauthenticated)
    }
  }

  private readonly onUserChanged = (userId: string): void => {
    this.refreshUser(userId).catch((error) => this.options.ctx.logger.error(`Re-authorising ${userId}'s connections failed`, error))
  }

  private async refreshUser(userId: string): Promise<void> {
    const { storage } = this.options.ctx
    const user = await storage.users.get(userId)
    for (const connection of this.connections) {
      if (connection.actor.id !== userId) continue
      if (!user || isDisabled(user)) {
        this.reject(connection, CloseCode.unauthenticated)
        continue
      }
      const statement = await storage.statements.get(connection.statementId)
      const audience = statement ? await resolveAudience(this.options.ctx, statement) : NO_AUDIENCE
      this.reauthorise(connection, statement, audience, user)
    }
  }

  private readonly heartbeat = (): void => {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.ws.terminate()
        continue
      }
      connection.alive = false
      connection.ws.ping()
    }
  }

  private async sweepSessions(): Promise<void> {
    const checked = new Map<string, boolean>()
    for (const connection of [...this.connections]) {
      let live = checked.get(connection.sessionId)
      if (live === undefined) {
        live = await sessionIsLive(this.options.ctx, connection.sessionId).catch(() => true)
        checked.set(connection.sessionId, live)
      }
      if (!live) this.reject(connection, CloseCode.unauthenticated)
    }
  }

  /** Closes every socket with 1001 (going away); the caller then saves the documents. */
  close(): void {
    this.closing = true
    for (const timer of this.timers) clearInterval(timer)
    const { events } = this.options.ctx
    events.off('statementChanged', this.onStatementChanged)
    events.off('sessionEnded', this.onSessionEnded)
    events.off('userChanged', this.onUserChanged)
    for (const connection of this.connections) this.reject(connection, CloseCode.goingAway)
  }
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.isBuffer(data) ? data : Buffer.from(data)
}

/** Resolves once every frame sent to `ws` so far has been handed to the kernel (or the socket is gone). */
function written(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState !== ws.OPEN) return resolve()
    ws.ping(undefined, undefined, () => resolve())
  })
}
