import vm from 'node:vm'

/** The work did not finish within its time limit and was stopped halfway. */
export class TimeLimitExceeded extends Error {
  override name = 'TimeLimitExceeded'
}

const context = vm.createContext({ run: null as (() => void) | null })
const script = new vm.Script('run()')

/**
 * Runs synchronous `work` and stops it after `ms` milliseconds. A vm timeout
 * is a V8 termination from a watchdog thread: it interrupts functions of this
 * context too, so a Yjs integration that has gone quadratic is cut off instead
 * of blocking the event loop. Whatever `work` touched is left half-done, so it
 * must only touch state the caller can throw away. Costs a thread start per
 * call (about half a millisecond).
 */
export function runWithin(ms: number, work: () => void): void {
  context.run = work
  try {
    script.runInContext(context, { timeout: ms })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(`stopped after ${ms} ms`)
    throw error
  } finally {
    context.run = null
  }
}
