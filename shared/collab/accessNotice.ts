import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { StatementAccess } from '../domain/permissions.js'
import { STATEMENT_STATUSES, type StatementStatus } from '../domain/statement.js'

/**
 * Plenary's one extension to the y-websocket protocol: the server tells a
 * connection what it may do, when it connects and whenever that changes (a
 * coordinator changes the drafting organisations, locks or unlocks the text).
 *
 * It rides in an auth message (type 2) with sub-type 1. y-protocols' own auth
 * reader only acts on sub-type 0 (permission denied) and ignores the rest, so
 * stock y-websocket clients skip it silently, while Plenary's editor turns
 * read-only or editable without a reload. The server enforces access either way.
 *
 *   varUint 2 (auth) · varUint 1 (access notice) · varString JSON AccessNotice,
 *   e.g. {"access":"read","status":"locked"}
 */
export const MESSAGE_AUTH = 2
export const AUTH_ACCESS_NOTICE = 1

export interface AccessNotice {
  access: Exclude<StatementAccess, 'none'>
  /** The statement's lifecycle status: readers learn of a lock too, though their access stays 'read'. */
  status: StatementStatus
}

export function encodeAccessNotice(notice: AccessNotice): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_ACCESS_NOTICE)
  encoding.writeVarString(encoder, JSON.stringify(notice))
  return encoding.toUint8Array(encoder)
}

/** Reads the rest of an auth message whose type byte was already read; null if it is not an access notice. */
export function readAccessNotice(decoder: decoding.Decoder): AccessNotice | null {
  if (decoding.readVarUint(decoder) !== AUTH_ACCESS_NOTICE) return null
  const parsed = JSON.parse(decoding.readVarString(decoder)) as { access?: unknown; status?: unknown } | null
  const access = parsed?.access
  const status = STATEMENT_STATUSES.find((s) => s === parsed?.status)
  return (access === 'read' || access === 'edit') && status ? { access, status } : null
}
