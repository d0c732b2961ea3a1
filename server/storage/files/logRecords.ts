import { createHash } from 'node:crypto'

/**
 * The document log's record format: 4-byte big-endian payload length, 4-byte
 * checksum (the first 4 bytes of the payload's SHA-256), payload. The checksum
 * exists to tell a record cut short by a crash from a complete one.
 */
export const RECORD_HEADER_BYTES = 8
const MAX_PAYLOAD_BYTES = 0xffff_ffff

function checksumOf(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest().subarray(0, 4)
}

export function encodeLogRecord(payload: Uint8Array): Buffer {
  if (payload.length > MAX_PAYLOAD_BYTES) throw new RangeError(`A log record holds at most ${MAX_PAYLOAD_BYTES} bytes`)
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length)
  record.writeUInt32BE(payload.length, 0)
  checksumOf(payload).copy(record, 4)
  record.set(payload, RECORD_HEADER_BYTES)
  return record
}

/** The payload of the intact record starting at `offset`, or null if there is none there. */
function recordAt(log: Buffer, offset: number): { payload: Buffer; end: number } | null {
  if (offset + RECORD_HEADER_BYTES > log.length) return null
  const length = log.readUInt32BE(offset)
  const end = offset + RECORD_HEADER_BYTES + length
  if (end > log.length) return null
  const payload = log.subarray(offset + RECORD_HEADER_BYTES, end)
  return checksumOf(payload).equals(log.subarray(offset + 4, offset + 8)) ? { payload, end } : null
}

export type DecodedLog =
  /** `validBytes` is the length of the intact prefix; `damagedBytes` follow it (0 for a clean log). */
  | { kind: 'intact'; updates: Uint8Array[]; validBytes: number; damagedBytes: number }
  /** A damaged record with intact records after it: not a crash during an append. */
  | { kind: 'corrupt'; damagedAt: number }

/**
 * Splits a log into its updates (copies, not views of `log`).
 *
 * An append that a crash interrupts leaves a damaged record only at the very end:
 * cut short, or full length with blocks the disk never wrote. So the damage is
 * accepted as such a torn tail only if no intact record can be found anywhere
 * after it; the search tries every offset, because the damaged record's own length
 * field cannot be trusted to say where the next record starts.
 */
export function decodeLog(log: Buffer): DecodedLog {
  const updates: Uint8Array[] = []
  let offset = 0
  for (let record = recordAt(log, offset); record !== null; record = recordAt(log, offset)) {
    updates.push(new Uint8Array(record.payload))
    offset = record.end
  }
  for (let candidate = offset + 1; candidate + RECORD_HEADER_BYTES <= log.length; candidate++) {
    if (recordAt(log, candidate) !== null) return { kind: 'corrupt', damagedAt: offset }
  }
  return { kind: 'intact', updates, validBytes: offset, damagedBytes: log.length - offset }
}
