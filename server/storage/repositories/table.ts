import { StorageConflictError } from '../ports.js'
import type { Collection } from './collection.js'

/**
 * A uniqueness rule a database would express as a unique index. `key` returns the
 * normalised value; records whose key is null are not constrained.
 */
export interface UniqueIndex<T> {
  field: string
  key(record: T): string | null
  message(record: T): string
}

/** How e-mail addresses and organisation names are compared: case-insensitively, Unicode-normalised. */
export function foldCase(value: string): string {
  return value.normalize('NFC').toLowerCase()
}

/**
 * Primary-key CRUD over a Collection. Every record crosses this boundary as a copy
 * (structuredClone) in both directions, so neither a caller mutating what it passed
 * in nor one mutating what it got back can change what is stored.
 *
 * Unique indexes are checked inside the collection's serialised mutation, against
 * the committed records: however many creates race, each sees every earlier one.
 * `fixedFields` are never changed by `update`, like columns a database would not
 * let an UPDATE touch (the statement a record belongs to, a link's token); the
 * ports' types already leave them out of patches, this holds for casts too.
 */
export class Table<T extends { id: string }> {
  constructor(
    private readonly collection: Collection<T>,
    private readonly uniqueIndexes: UniqueIndex<T>[] = [],
    private readonly fixedFields: readonly (keyof T & string)[] = [],
  ) {}

  async list(): Promise<T[]> {
    return structuredClone([...this.collection.snapshot()])
  }

  /** The matching records, copied after filtering: asking for one statement's rows never copies everyone's. */
  async filter(predicate: (record: T) => boolean): Promise<T[]> {
    return structuredClone(this.collection.snapshot().filter(predicate))
  }

  async find(predicate: (record: T) => boolean): Promise<T | null> {
    const found = this.collection.snapshot().find(predicate)
    return found === undefined ? null : structuredClone(found)
  }

  get(id: string): Promise<T | null> {
    return this.find((record) => record.id === id)
  }

  create(record: T): Promise<T> {
    const stored = structuredClone(record)
    return this.collection.mutate((records) => {
      if (records.some((existing) => existing.id === stored.id)) {
        throw new StorageConflictError('id', `A record with id ${stored.id} already exists`)
      }
      this.assertUnique(records, stored)
      return { records: [...records, stored], result: structuredClone(stored) }
    })
  }

  /**
   * Returns null when there is no record with this id, or when `belongs` refuses it
   * (a record asked for through another parent, such as another statement's
   * endorsement). `id`, the fixed fields and undefined values in the patch are ignored.
   */
  update(id: string, patch: Partial<Omit<T, 'id'>>, belongs: (record: T) => boolean = () => true): Promise<T | null> {
    const changes = definedEntries(structuredClone(patch), ['id', ...this.fixedFields])
    return this.collection.mutate((records) => {
      const index = records.findIndex((record) => record.id === id)
      const current = records[index]
      if (current === undefined || !belongs(current)) return { records: null, result: null }
      const updated = { ...current, ...changes, id: current.id }
      this.assertUnique(records, updated)
      const next = [...records]
      next[index] = updated
      return { records: next, result: structuredClone(updated) }
    })
  }

  private assertUnique(records: readonly T[], candidate: T): void {
    for (const index of this.uniqueIndexes) {
      const key = index.key(candidate)
      if (key === null) continue
      const clash = records.some((record) => record.id !== candidate.id && index.key(record) === key)
      if (clash) throw new StorageConflictError(index.field, index.message(candidate))
    }
  }
}

/** `{ name: undefined }` means "not given" (zod leaves absent optionals undefined), never "erase". */
function definedEntries<P extends object>(patch: P, ignored: readonly string[]): Partial<P> {
  const entries = Object.entries(patch).filter(([key, value]) => value !== undefined && !ignored.includes(key))
  return Object.fromEntries(entries) as Partial<P>
}
