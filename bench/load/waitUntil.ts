/** Polls `check` until it is truthy or the deadline passes; the bench's counterpart of server/test/waitFor.ts. */
export async function waitUntil(check: () => unknown, options: { timeoutMs?: number; what: string | (() => string) }): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof options.what === 'function' ? options.what() : options.what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
