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
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxAwarenessClients: 4,
  maxAwarenessStateBytes: 8 * 1024,
  updateBurst: 200,
  updatesPerSecond: 100,
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
