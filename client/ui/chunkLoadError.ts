/**
 * Whether an error means a lazily loaded chunk (or its stylesheet) could not be
 * fetched: usually a deploy replaced the hashed files this page was built against,
 * sometimes the network dropped. Browsers word it differently; Vite adds its own
 * for stylesheets it preloads.
 */
const CHUNK_LOAD_MESSAGES = [
  /failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /importing a module script failed/i, // Safari
  /unable to preload css/i, // Vite's preload helper
  /loading (css )?chunk \S+ failed/i, // webpack-style wording, from older builds or proxies
]

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return CHUNK_LOAD_MESSAGES.some((pattern) => pattern.test(error.message))
}
