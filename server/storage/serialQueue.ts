/**
 * Runs async tasks one after another. A failed task does not stop the ones queued
 * behind it: its error goes to its own caller only.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve()
  #pending = 0

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#pending++
    this.#tail = result.then(
      () => { this.#pending-- },
      () => { this.#pending-- },
    )
    return result
  }

  get busy(): boolean {
    return this.#pending > 0
  }

  /** Settles once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.#tail
  }
}

/** One SerialQueue per key, dropped when idle so that the map does not grow with every key ever seen. */
export class KeyedSerialQueue {
  readonly #queues = new Map<string, SerialQueue>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = this.#queues.get(key)
    if (!queue) {
      queue = new SerialQueue()
      this.#queues.set(key, queue)
    }
    const result = queue.run(task)
    const owner = queue
    void owner.idle().then(() => {
      if (!owner.busy && this.#queues.get(key) === owner) this.#queues.delete(key)
    })
    return result
  }

  async idle(): Promise<void> {
    while (this.#queues.size > 0) {
      await Promise.all([...this.#queues.values()].map((queue) => queue.idle()))
      for (const [key, queue] of this.#queues) if (!queue.busy) this.#queues.delete(key)
    }
  }
}
