/**
 * Runs operations on the same key one after another. Lifecycle changes and
 * restores of one statement must not interleave: two simultaneous locks would
 * otherwise both pass the "is it drafting?" check and record two final texts.
 * In one process this is enough; several instances will need a lock in the database.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.catch(() => undefined).then(operation)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}

/** One per process: every operation that reads a statement's state and then changes it. */
export const statementMutex = new KeyedMutex()
