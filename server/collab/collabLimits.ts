/** What one collaboration connection may send; set from the environment in server/config.ts. */
export interface CollabLimits {
  /** Awareness entries one connection may hold: a browser tab has one. */
  maxAwarenessClients: number
  /** Largest JSON state of one awareness entry, in UTF-8 bytes. */
  maxAwarenessStateBytes: number
  /** Document updates (sync step 2 and update messages) a connection may send at once... */
  updateBurst: number
  /** ...and per second after that. */
  updatesPerSecond: number
  /** Sync step 1 messages (each costs a state encode of the whole document) a connection may send at once... */
  syncStep1Burst: number
  /** ...and per second after that. */
  syncStep1PerSecond: number
  /** Awareness messages (each is broadcast to everyone in the statement) a connection may send at once... */
  awarenessBurst: number
  /** ...and per second after that. */
  awarenessPerSecond: number
  /**
   * Longest one update may take to apply, in milliseconds; stopped and refused
   * after that. A connection may spend twice this at once, then a tenth of it
   * per second: a sustained stream of slow updates is cut off too.
   */
  updateApplyMs: number
  /**
   * Bytes waiting to be sent to one connection (ws's bufferedAmount) beyond which
   * it is closed with 4408 instead of being sent more: a reader that falls this
   * far behind reconnects and gets what it lacks in one sync, rather than the
   * server queueing for it without end.
   */
  maxSendBufferBytes: number
  /** WebSocket upgrades one client address may attempt per minute (failed ones count). */
  upgradesPerMinutePerAddress: number
  /** WebSocket upgrades one signed-in user may make per minute. */
  upgradesPerMinutePerUser: number
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxAwarenessClients: 4,
  maxAwarenessStateBytes: 8 * 1024,
  updateBurst: 200,
  updatesPerSecond: 100,
  syncStep1Burst: 20,
  syncStep1PerSecond: 2,
  awarenessBurst: 200,
  awarenessPerSecond: 100,
  updateApplyMs: 1000,
  maxSendBufferBytes: 16 * 1024 * 1024,
  upgradesPerMinutePerAddress: 300,
  upgradesPerMinutePerUser: 60,
}

/** A connection exceeded one of its limits: closed with `closeCode`, never an error worth logging. */
export class LimitExceeded extends Error {
  override name = 'LimitExceeded'

  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message)
  }
}
