import WebSocket from 'ws'
import { CLOSE_REASONS, CloseCode } from '../../shared/collab/closeCodes.js'
import type { Actor, StatementAccess } from '../../shared/domain/permissions.js'
import type { StatementStatus } from '../../shared/domain/statement.js'
import type { CollabLimits } from './collabLimits.js'
import type { RoomPeer } from './documentRoom.js'
import { TokenBucket } from './tokenBucket.js'
import { writeFrame, type WireFrame } from './wireFrame.js'

/** One authenticated socket in one statement, with what it may do right now. */
export class CollabConnection implements RoomPeer {
  readonly controlledClientIds = new Set<number>()
  /** Cleared before each ping, set by the pong: a socket that misses one is dead. */
  alive = true
  /** Document updates this socket may still send; refilled from timestamps, no timer. */
  readonly updateBudget: TokenBucket
  /** Sync step 1 requests: each makes the server encode the whole document, an amplification. */
  readonly syncStep1Budget: TokenBucket
  /** Awareness messages: each is broadcast to everyone in the statement. */
  readonly awarenessBudget: TokenBucket
  /** Milliseconds of update application this socket may still use. */
  readonly applyTimeBudget: TokenBucket
  /**
   * Where the client is in the sync handshake. Between its sync step 1 and its step 2 a provider's
   * updates may build on edits the server lost in a crash; its step 2 brings them.
   */
  handshake: 'notStarted' | 'awaitingStep2' | 'done' = 'notStarted'
  /** See CollabLimits.maxSendBufferBytes. */
  private readonly maxSendBufferBytes: number

  constructor(
    readonly ws: WebSocket,
    readonly statementId: string,
    readonly sessionId: string,
    public actor: Actor,
    /** 'read' refuses every document update this socket sends. Changed live when permissions change. */
    public access: Exclude<StatementAccess, 'none'>,
    /** The statement status this connection was last told about. */
    public status: StatementStatus,
    limits: CollabLimits,
  ) {
    this.updateBudget = new TokenBucket(limits.updateBurst, limits.updatesPerSecond)
    this.syncStep1Budget = new TokenBucket(limits.syncStep1Burst, limits.syncStep1PerSecond)
    this.awarenessBudget = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond)
    this.applyTimeBudget = new TokenBucket(2 * limits.updateApplyMs, limits.updateApplyMs / 10)
    this.maxSendBufferBytes = limits.maxSendBufferBytes
  }

  send(message: Uint8Array): void {
    if (this.canSend()) this.ws.send(message)
  }

  /** A broadcast: framed once for everyone, written here as one buffer. */
  sendFrame(frame: WireFrame): void {
    if (this.canSend() && !writeFrame(this.ws, frame)) this.ws.send(frame.message)
  }

  private canSend(): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false
    if (this.ws.bufferedAmount > this.maxSendBufferBytes) {
      // Queueing more would grow without end for a reader that does not keep up; its reconnection resyncs it.
      this.close(CloseCode.tooSlow, CLOSE_REASONS[CloseCode.tooSlow] as string)
      return false
    }
    return true
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason)
  }
}
