/**
 * Every insert the load generator types is one marker: ⟦<client>:<seq>:<sendTimeMs>⟧.
 * Receivers find markers in the raw bytes of the frames they get (a Yjs v1
 * update stores inserted text as contiguous UTF-8), so light clients need not
 * apply updates to measure delivery. The send time is the generator's own clock
 * (performance.timeOrigin + performance.now()), the same clock that stamps the
 * receipt, so latency = receipt − send needs no clock sync.
 */
const OPEN = Buffer.from('⟦')
const CLOSE_FIRST_BYTE = Buffer.from('⟧')[0] as number
const COLON = 0x3a
const DOT = 0x2e

export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

export function formatMarker(client: number, seq: number, sentAtMs: number): string {
  return `⟦${client}:${seq}:${sentAtMs.toFixed(2)}⟧`
}

export interface FoundMarker {
  client: number
  seq: number
  sentAtMs: number
}

/** Calls `found` for every marker in `bytes`; returns how many. Parses digits by hand: this runs for every frame. */
export function scanMarkers(bytes: Uint8Array, found: (client: number, seq: number, sentAtMs: number) => void): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let count = 0
  let at = buffer.indexOf(OPEN)
  while (at !== -1) {
    let i = at + OPEN.length
    // Three fields in locals rather than an array: this runs for every frame, and garbage here is GC pauses in the generator.
    let client = 0
    let seq = 0
    let sentAt = 0
    let field = 0
    let fraction = 0
    let ok = false
    for (; i < buffer.length; i++) {
      const byte = buffer[i] as number
      if (byte >= 0x30 && byte <= 0x39) {
        const digit = byte - 0x30
        if (field === 0) client = client * 10 + digit
        else if (field === 1) seq = seq * 10 + digit
        else if (fraction > 0) {
          sentAt += digit / fraction
          fraction *= 10
        } else sentAt = sentAt * 10 + digit
      } else if (byte === COLON && field < 2) field++
      else if (byte === DOT && field === 2 && fraction === 0) fraction = 10
      else {
        ok = byte === CLOSE_FIRST_BYTE && field === 2
        break
      }
    }
    if (ok) {
      found(client, seq, sentAt)
      count++
    }
    at = buffer.indexOf(OPEN, i)
  }
  return count
}

/** Counts markers in a document's text (for the final check that nothing was lost). */
export function markersInText(text: string): number {
  let count = 0
  scanMarkers(Buffer.from(text), () => count++)
  return count
}
