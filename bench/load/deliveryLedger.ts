import { nowMs } from './marker.js'

/** A growable list of latencies, in ms, and its percentiles. */
export class LatencySamples {
  // 8 MB up front: fanout-100 records about 500,000 latencies in a window, and growing by copying
  // during the window would pause the generator (its pauses show up as latency).
  private values = new Float64Array(1 << 20)
  length = 0

  add(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }

  summary(): { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number } {
    const sorted = this.values.slice(0, this.length).sort()
    const at = (q: number) => (sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number))
    return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: at(1) }
  }
}

/**
 * Who sent which marker when, and who received it. Every client is a sender
 * and a receiver; a receiver's own markers do not count. A marker counts once
 * per receiver (a resync may bring it again). Latencies are kept for markers
 * sent inside the measurement window; markers sent in the window that a
 * receiver never got count as lost.
 */
export class DeliveryLedger {
  private readonly sentAt: Float64Array[] = []
  private readonly seen: Uint8Array[][] = []
  private clients = 0
  private windowStart = Number.POSITIVE_INFINITY
  private windowEnd = Number.POSITIVE_INFINITY
  private sentInWindow = 0
  deliveredInWindow = 0
  /** Deliveries (of any marker) that arrived during the window: the server's delivery rate while under load. */
  receivedDuringWindow = 0
  sentTotal = 0
  deliveredTotal = 0
  samples = new LatencySamples()
  /** Close codes of connections the server closed, with counts: any is a failure of the run. */
  readonly closes = new Map<number, number>()

  addClient(): number {
    const index = this.clients++
    this.sentAt.push(new Float64Array(256))
    this.seen.push([])
    return index
  }

  /** Stamps and records the next marker of `sender`; returns its sequence number and time. */
  send(sender: number, seq: number): number {
    const time = nowMs()
    let times = this.sentAt[sender] as Float64Array
    if (seq >= times.length) {
      const grown = new Float64Array(times.length * 2)
      grown.set(times)
      this.sentAt[sender] = times = grown
    }
    times[seq] = time
    this.sentTotal++
    if (time >= this.windowStart && time < this.windowEnd) this.sentInWindow++
    return time
  }

  receive(receiver: number, sender: number, seq: number, sentAtMs: number, receivedAtMs: number): void {
    if (receiver === sender || sender >= this.clients) return
    const bySender = this.seen[receiver] as Uint8Array[]
    let seen = bySender[sender]
    if (!seen || seq >= seen.length) {
      const grown = new Uint8Array(Math.max(256, (seq + 1) * 2))
      if (seen) grown.set(seen)
      bySender[sender] = seen = grown
    }
    if (seen[seq]) return
    seen[seq] = 1
    this.deliveredTotal++
    if (receivedAtMs >= this.windowStart && receivedAtMs < this.windowEnd) this.receivedDuringWindow++
    if (sentAtMs >= this.windowStart && sentAtMs < this.windowEnd) {
      this.deliveredInWindow++
      this.samples.add(receivedAtMs - sentAtMs)
    }
  }

  serverClosed(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1)
  }

  /** Deliveries that every receiver should have had by now. */
  get expectedTotal(): number {
    return this.sentTotal * (this.clients - 1)
  }

  openWindow(): void {
    this.windowStart = nowMs()
    this.windowEnd = Number.POSITIVE_INFINITY
    this.sentInWindow = 0
    this.deliveredInWindow = 0
    this.receivedDuringWindow = 0
    this.samples = new LatencySamples()
  }

  closeWindow(): void {
    this.windowEnd = nowMs()
  }

  /** Window deliveries still missing (call after waiting for the drain). */
  get lostInWindow(): number {
    return this.sentInWindow * (this.clients - 1) - this.deliveredInWindow
  }
}
