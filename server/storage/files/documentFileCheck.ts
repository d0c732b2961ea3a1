import { StorageCorruptError } from '../storageErrors.js'
import { decodeLog } from './logRecords.js'
import { decodeStateFile } from './stateFile.js'

/**
 * Checks a `<id>.state` file's bytes (see stateFile.ts for the format and what counts
 * as damage); `path` only names the file in the error. The same check as load(), so
 * the start, backups and restore refuse exactly what the relay would.
 */
export function checkDocumentState(path: string, bytes: Uint8Array): void {
  decodeStateFile(path, bytes)
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
