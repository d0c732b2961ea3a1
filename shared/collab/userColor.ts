/**
 * A stable caret colour per user: the same person has the same colour in every
 * statement and every browser, so collaborators learn to recognise each other.
 * Colours are dark enough for white label text at WCAG AA contrast.
 */
const PALETTE = [
  '#b3261e', '#1b5e20', '#0d47a1', '#6a1b9a', '#8d4a00', '#00695c',
  '#ad1457', '#283593', '#4e342e', '#37474f', '#5d4037', '#2e7d32',
] as const

export function colorForUser(userId: string): string {
  // FNV-1a: tiny, stable across platforms, and spreads similar ids apart.
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i += 1) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] as string
}
