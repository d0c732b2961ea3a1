/**
 * The one thing a metadata adapter must provide: an ordered list of records with
 * serialised read-modify-write. The repositories (uniqueness, single-use
 * invitations, copies) are written once on top of it, so the memory and lowdb
 * adapters cannot drift apart in behaviour. A database adapter would implement
 * the repository ports directly instead.
 */
export interface Collection<T extends { id: string }> {
  /**
   * The committed records, never a half-applied change. Treat as read-only:
   * repositories copy what they hand out.
   */
  snapshot(): readonly T[]
  /**
   * Runs `change` against the committed records, after every earlier mutation of
   * this collection has settled. `change` must not modify what it is given; it
   * returns the next records (or `null` for "nothing to write") and the result.
   * If `change` throws, or the write fails, nothing is committed and the promise rejects.
   */
  mutate<R>(change: (records: readonly T[]) => CollectionChange<T, R>): Promise<R>
  /** Refuses further mutations, then waits for the queued ones to settle. */
  close(): Promise<void>
}

export interface CollectionChange<T, R> {
  records: T[] | null
  result: R
}
