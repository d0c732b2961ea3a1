import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { canonicalText } from './canonicalText.js'
import type { JsonNode } from './documentText.js'

/**
 * A statement's fingerprint: "sha256:" and the 64 lowercase hex digits of the
 * SHA-256 of its canonical text in UTF-8. The hash comes from @noble/hashes
 * rather than node:crypto so that the browser computes the same fingerprint
 * synchronously, and anyone can recompute it with `sha256sum` (see the README).
 */
export type Fingerprint = `sha256:${string}`

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/

/** Fingerprint of a text that is already canonical (see canonicalText). */
export function fingerprintText(canonical: string): Fingerprint {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical)))}`
}

export function fingerprintDocument(doc: JsonNode): Fingerprint {
  return fingerprintText(canonicalText(doc))
}

/** True for exactly the form fingerprintText produces: no uppercase, no other algorithm. */
export function isFingerprint(s: string): s is Fingerprint {
  return FINGERPRINT.test(s)
}
