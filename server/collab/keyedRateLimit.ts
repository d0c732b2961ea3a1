import { TokenBucket } from './tokenBucket.js'

/**
 * One token bucket per key (a client address, a user id), for limits on
 * WebSocket upgrades. A key idle long enough to be full again is forgotten,
 * so memory follows the keys active in the last window, not every key ever seen.
 */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, { bucket: TokenBucket; lastUsed: number }>()
  private readonly refillMs: number
  private lastSweep: number

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.refillMs = (capacity / refillPerSecond) * 1000
    this.lastSweep = now()
  }

  take(key: string): boolean {
    const now = this.now()
    if (now - this.lastSweep >= this.refillMs) this.sweep(now)
    let entry = this.buckets.get(key)
    if (!entry) {
      entry = { bucket: new TokenBucket(this.capacity, this.refillPerSecond, this.now), lastUsed: now }
      this.buckets.set(key, entry)
    }
    entry.lastUsed = now
    return entry.bucket.take()
  }

  get size(): number {
    return this.buckets.size
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [key, entry] of this.buckets) if (now - entry.lastUsed >= this.refillMs) this.buckets.delete(key)
  }
}
