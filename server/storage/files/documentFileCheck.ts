import * as Y from 'yjs'
import { StorageCorruptError } from '../storageErrors.js'
import { decodeLog } from './logRecords.js'

/**
 * Real states hold client ids, clocks and text, so a long run of NUL bytes is a
 * block the disk never wrote (a crash, a full disk) rather than data. An empty
 * document's state is two NULs; 32 in a row would need 32 empty fields in a row.
 */
const NUL_RUN = Buffer.alloc(32)

/**
 * Checks a `<id>.state` file's bytes: a full-state Yjs update, which the state file
 * carries without a checksum. `path` only names the file in the error. Decoding
 * catches a truncated or garbled state (lib0 reads past the end, or meets an
 * unknown struct type); the NUL rule catches blocks that were never written.
 */
export function checkDocumentState(path: string, bytes: Uint8Array): void {
  const corrupt = (reason: string, cause?: unknown): StorageCorruptError =>
    new StorageCorruptError(
      path,
      `Document state file ${path} is corrupt (${reason}). Plenary will not serve or save over this statement.`,
      cause === undefined ? undefined : { cause },
    )
  if (bytes.length === 0) throw corrupt('it is empty')
  if (bytes.length > 2 && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(NUL_RUN)) {
    throw corrupt('it contains a run of NUL bytes, typically left by a crash or a full disk')
  }
  try {
    Y.decodeUpdate(bytes)
  } catch (error) {
    throw corrupt(`not a Yjs update: ${(error as Error).message}`, error)
  }
}

/**
 * Checks a `<id>.log` file's bytes and returns the length of its intact prefix.
 * A torn last record is not damage (the log cuts it off on load, with a warning);
 * a damaged record followed by intact ones is.
 */
export function checkDocumentLog(path: string, bytes: Buffer): number {
  const decoded = decodeLog(bytes)
  if (decoded.kind === 'corrupt') {
    throw new StorageCorruptError(
      path,
      `Document log ${path} is corrupt: the record at byte ${decoded.damagedAt} is damaged and intact records follow it.`,
    )
  }
  return decoded.validBytes
}
