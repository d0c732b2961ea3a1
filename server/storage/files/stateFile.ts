import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { StorageCorruptError } from '../storageErrors.js'

/**
 * The `<id>.state` file format: a 44-byte header, then a full-state Yjs v1 update.
 *
 *   bytes 0–7    magic 80 00 50 4C 59 53 54 01 ("\x80\x00PLYST", format 1)
 *   bytes 8–11   payload length, u32 big-endian
 *   bytes 12–43  SHA-256 of the payload
 *   bytes 44–    payload: Y.encodeStateAsUpdate of the document
 *
 * The checksum is what tells damage from data. Statement text is user data, so no
 * pattern of bytes in the payload (a run of NULs included) can mean "damaged";
 * only a header that does not match its payload can.
 *
 * Files written before the header existed are the bare Yjs update. The magic cannot
 * begin one: an update starts with its client count as a lib0 varint, which Yjs
 * writes in the fewest bytes, and `80 00` is a two-byte zero. So a file without the
 * magic is read as the old format, checked by decoding only, and rewritten with
 * the header at the next compaction.
 */
const MAGIC = Buffer.from([0x80, 0x00, 0x50, 0x4c, 0x59, 0x53, 0x54, 0x01])
const LENGTH_OFFSET = MAGIC.length
const CHECKSUM_OFFSET = LENGTH_OFFSET + 4
export const STATE_HEADER_BYTES = CHECKSUM_OFFSET + 32
const MAX_PAYLOAD_BYTES = 0xffff_ffff

/** An empty document's state in the old format: no structs, no deletions. */
const EMPTY_DOCUMENT_STATE = 2

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest()
}

/** The bytes compaction writes for a full-state update. */
export function encodeStateFile(state: Uint8Array): Buffer {
  if (state.length === 0) throw new RangeError('A state file holds a full-state update; an empty one would erase the document')
  if (state.length > MAX_PAYLOAD_BYTES) throw new RangeError(`A state file holds at most ${MAX_PAYLOAD_BYTES} bytes`)
  const file = Buffer.allocUnsafe(STATE_HEADER_BYTES + state.length)
  MAGIC.copy(file, 0)
  file.writeUInt32BE(state.length, LENGTH_OFFSET)
  sha256(state).copy(file, CHECKSUM_OFFSET)
  file.set(state, STATE_HEADER_BYTES)
  return file
}

/** True if `bytes` are in the format with the header (damaged or not), false for the old bare update. */
export function hasStateHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAGIC.length))
  // A file cut inside its magic is a damaged new one: no old state is 1–7 bytes of the magic.
  return head.length > 0 && MAGIC.subarray(0, head.length).equals(head)
}

/**
 * The Yjs update a state file holds (a copy), or StorageCorruptError naming `path`.
 * Damage: an empty file; in the new format a short header, a length that is not the
 * file's, a checksum that does not match; in the old format bytes that are all NUL
 * (Yjs would read them as an empty document, which the next save would keep), or
 * a payload that is not exactly one Yjs update. (A checksummed payload is what
 * compact() wrote; should it still not apply, the room refuses the statement.)
 */
export function decodeStateFile(path: string, bytes: Uint8Array): Uint8Array {
  const corrupt = (reason: string, cause?: unknown): StorageCorruptError =>
    new StorageCorruptError(
      path,
      `Document state file ${path} is corrupt (${reason}). Plenary will not serve or save over this statement.`,
      cause === undefined ? undefined : { cause },
    )
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (file.length === 0) throw corrupt('it is empty')
  let state: Buffer
  if (hasStateHeader(file)) {
    if (file.length < STATE_HEADER_BYTES) throw corrupt(`truncated: ${file.length} bytes, shorter than its ${STATE_HEADER_BYTES}-byte header`)
    const length = file.readUInt32BE(LENGTH_OFFSET)
    if (file.length !== STATE_HEADER_BYTES + length) {
      throw corrupt(`its header says ${length} bytes of state, the file holds ${file.length - STATE_HEADER_BYTES}: cut short, or bytes added`)
    }
    state = file.subarray(STATE_HEADER_BYTES)
    if (!sha256(state).equals(file.subarray(CHECKSUM_OFFSET, STATE_HEADER_BYTES))) {
      throw corrupt('its SHA-256 does not match its header: bytes changed on disk')
    }
    // The bytes are exactly what compact() wrote, and it writes only whole Yjs updates: decoding
    // them here as well would double the cost of opening a statement (the room applies them anyway).
    return new Uint8Array(state)
  } else {
    if (file.length > EMPTY_DOCUMENT_STATE && !file.some((byte) => byte !== 0)) {
      throw corrupt('it is all NUL bytes, typically blocks a crash or a full disk left unwritten')
    }
    state = file
  }
  let used: number
  try {
    used = bytesOfUpdate(state)
  } catch (error) {
    throw corrupt(`not a Yjs update: ${(error as Error).message}`, error)
  }
  // Yjs ignores what follows an update. A damaged magic can turn a new file into an
  // "old" one that starts with a valid update (`00 00`, the empty document) and
  // continues with the rest of the file: refused here, never read as empty.
  if (used !== state.length) throw corrupt(`${state.length - used} bytes follow the Yjs update it starts with`)
  return new Uint8Array(state)
}

/** How many bytes of `update` the Yjs v1 update at its start takes up; throws if there is none. */
function bytesOfUpdate(update: Uint8Array): number {
  type ByteDecoder = ConstructorParameters<typeof Y.UpdateDecoderV1>[0]
  let bytes: ByteDecoder | undefined
  // decodeUpdateV2 takes the class to read with; this one keeps the byte decoder it reads from.
  class RecordingDecoder extends Y.UpdateDecoderV1 {
    constructor(decoder: ByteDecoder) {
      super(decoder)
      bytes = decoder
    }
  }
  Y.decodeUpdateV2(update, RecordingDecoder)
  if (bytes === undefined) throw new Error('Yjs read the update without the decoder it was given')
  return bytes.pos
}
