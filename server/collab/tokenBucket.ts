/**
 * A token bucket without timers: the refill is computed from the time of the
 * previous take, so a thousand idle connections cost nothing between messages.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity
    this.updatedAt = now()
  }

  /** Spends `cost` tokens (one by default); false when fewer are left (the caller decides what that costs). */
  take(cost = 1): boolean {
    const now = this.now()
    const elapsedMs = Math.max(0, now - this.updatedAt)
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs * this.refillPerSecond) / 1000)
    this.updatedAt = now
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
