/**
 * Where to go after signing in. Only same-origin paths are accepted, so a crafted
 * `/login?next=https://evil.example` or `//evil.example` cannot send a person
 * off-site with a freshly opened session.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if ([...next].some((character) => character.charCodeAt(0) < 0x20)) return '/'
  if (next === '/login' || next.startsWith('/login?')) return '/'
  return next
}

export function loginPathFor(wanted: string): string {
  const next = safeNextPath(wanted)
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`
}
