/**
 * A structural check of a Yjs v1 update, run before any Yjs code sees it.
 *
 * It walks the format of yjs 13.6 (`readClientsStructRefs`, `readItemContent`
 * and `readDeleteSet` with `UpdateDecoderV1`) with its own bounded reader:
 * every count and length must fit in the bytes that remain (each element takes
 * at least one byte), so validation is linear in the size of the update, and
 * so is the Yjs decode that follows. Beyond what Yjs itself checks, it refuses
 * what Yjs would accept but the relay must not keep:
 *
 * - varints longer than 8 bytes or above 2^53, clocks that overflow 2^53;
 * - structs of length zero (Yjs never writes them; they break its clock arithmetic);
 * - a client twice in the struct or delete section, and delete ranges that are
 *   unsorted or overlap: Yjs walks every struct of every range, so a megabyte
 *   of ranges that each cover the whole document costs ranges × structs;
 * - more than MAX_UNANCHORED_MAP_ENTRIES map entries for one (parent, key)
 *   written without a left origin: Yjs walks the key's whole history for each,
 *   quadratic in their number. Honest updates have one per client that set the
 *   key before seeing anyone's value (a full state keeps them all), so a few;
 * - JSON (ContentJSON, ContentEmbed, ContentFormat) and Any values nested deeper
 *   than MAX_NESTING: JSON.parse takes them, but JSON.stringify overflows the stack
 *   on the next encode, and then no save, compaction or sync step 2 ever succeeds;
 * - shared types nested deeper than MAX_NESTING (renderers recurse over the tree);
 * - subdocuments (ContentDoc): statements have none, and the relay does not load them;
 * - trailing bytes after the delete set.
 *
 * The relay accepts v1 updates only (y-websocket's protocol), never v2.
 */

export class InvalidUpdate extends Error {
  override name = 'InvalidUpdate'
}

/** Deeper than any statement needs (nested lists), far shallower than any stack. */
export const MAX_NESTING = 64

/** People who set one attribute at the same moment, each before seeing the others' value. */
export const MAX_UNANCHORED_MAP_ENTRIES = 32

/** lib0 writes integers up to 2^53 in at most 8 varint bytes. */
const MAX_VARINT_BYTES = 8

const BITS5 = 0b11111
const HAS_ORIGIN = 0b1000_0000
const HAS_RIGHT_ORIGIN = 0b0100_0000
const HAS_PARENT_SUB = 0b0010_0000

const enum Content {
  gc = 0,
  deleted = 1,
  json = 2,
  binary = 3,
  string = 4,
  embed = 5,
  format = 6,
  type = 7,
  any = 8,
  doc = 9,
  skip = 10,
}

/** Type refs of ContentType (yjs `typeRefs`); XmlElement (3) and XmlHook (5) carry a name. */
const TYPE_REFS = 7
const NAMED_TYPE_REFS = new Set([3, 5])

export interface ValidateOptions {
  /**
   * How many shared types enclose the document's item with this id (1 for an
   * item of a root type), or undefined when the document has no such item. Lets
   * nesting be bounded across updates, not only within one.
   */
  itemDepth?: (client: number, clock: number) => number | undefined
}

class Reader {
  pos = 0
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.byteLength - this.pos
  }

  uint8(): number {
    if (this.pos >= this.bytes.byteLength) throw new InvalidUpdate('unexpected end of update')
    return this.bytes[this.pos++] as number
  }

  varUint(): number {
    let value = 0
    let multiplier = 1
    for (let i = 0; i < MAX_VARINT_BYTES; i += 1) {
      const byte = this.uint8()
      value += (byte & 0x7f) * multiplier
      if (value > Number.MAX_SAFE_INTEGER) throw new InvalidUpdate('integer beyond 2^53')
      if (byte < 0x80) return value
      multiplier *= 128
    }
    throw new InvalidUpdate(`varint longer than ${MAX_VARINT_BYTES} bytes`)
  }

  /** lib0 varInt: sign in bit 7 of the first byte, six bits there, seven after. */
  varInt(): void {
    const first = this.uint8()
    if (first < 0x80) return
    let value = first & 0x3f
    let multiplier = 64
    for (let i = 1; i < MAX_VARINT_BYTES; i += 1) {
      const byte = this.uint8()
      value += (byte & 0x7f) * multiplier
      if (value > Number.MAX_SAFE_INTEGER) throw new InvalidUpdate('integer beyond 2^53')
      if (byte < 0x80) return
      multiplier *= 128
    }
    throw new InvalidUpdate(`varint longer than ${MAX_VARINT_BYTES} bytes`)
  }

  /** A count of elements that take at least one byte each. */
  count(what: string): number {
    const n = this.varUint()
    if (n > this.remaining) throw new InvalidUpdate(`${what} of ${n} with ${this.remaining} bytes left`)
    return n
  }

  bytesOf(what: string): Uint8Array {
    const n = this.varUint()
    if (n > this.remaining) throw new InvalidUpdate(`${what} of ${n} bytes with ${this.remaining} left`)
    const slice = this.bytes.subarray(this.pos, this.pos + n)
    this.pos += n
    return slice
  }

  skip(n: number): void {
    if (n > this.remaining) throw new InvalidUpdate('unexpected end of update')
    this.pos += n
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function string(reader: Reader, what: string): string {
  try {
    return utf8.decode(reader.bytesOf(what))
  } catch (error) {
    if (error instanceof InvalidUpdate) throw error
    throw new InvalidUpdate(`${what} is not UTF-8`)
  }
}

/** The bracket depth of a JSON text, strings skipped; JSON.parse still judges the rest. */
function jsonDepth(bytes: Uint8Array): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < bytes.byteLength; i += 1) {
    const byte = bytes[i] as number
    if (inString) {
      if (byte === 0x5c) i += 1 // backslash: skip the escaped character
      else if (byte === 0x22) inString = false
    } else if (byte === 0x22) inString = true
    else if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (byte === 0x5d || byte === 0x7d) depth -= 1
  }
  return deepest
}

function json(reader: Reader, what: string): void {
  const bytes = reader.bytesOf(what)
  if (jsonDepth(bytes) > MAX_NESTING) throw new InvalidUpdate(`${what} nested deeper than ${MAX_NESTING}`)
}

/** lib0 `readAny`: a type byte (127 down to 116), then the value. */
function any(reader: Reader, depth: number): void {
  if (depth > MAX_NESTING) throw new InvalidUpdate(`value nested deeper than ${MAX_NESTING}`)
  const type = reader.uint8()
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return
    case 125:
      return reader.varInt()
    case 124:
      return reader.skip(4)
    case 123:
    case 122: // float64, bigint64
      return reader.skip(8)
    case 119:
      string(reader, 'string value')
      return
    case 118: {
      const entries = reader.count('object size')
      for (let i = 0; i < entries; i += 1) {
        string(reader, 'object key')
        any(reader, depth + 1)
      }
      return
    }
    case 117: {
      const length = reader.count('array length')
      for (let i = 0; i < length; i += 1) any(reader, depth + 1)
      return
    }
    case 116:
      reader.bytesOf('binary value')
      return
    default:
      throw new InvalidUpdate(`unknown value type ${type}`)
  }
}

/** Adds `length` to a clock, refusing zero-length structs and clocks past 2^53. */
function advance(clock: number, length: number): number {
  if (length < 1) throw new InvalidUpdate('struct of length zero')
  const next = clock + length
  if (next > Number.MAX_SAFE_INTEGER) throw new InvalidUpdate('clock beyond 2^53')
  return next
}

/** Where an item's parent comes from: a root type, a shared type by id, or the item next to it. */
type ParentRef = { kind: 'root' } | { kind: 'type' | 'neighbour'; client: number; clock: number }

interface ItemRecord {
  clock: number
  end: number
  parent: ParentRef
  /** Shared types around the item (1 in a root type); 0 until resolved, -1 while resolving. */
  depth: number
}

/** Reads one item's content; returns its length (the clock span it covers). */
function content(reader: Reader, info: number): number {
  switch (info & BITS5) {
    case Content.deleted:
      return reader.varUint()
    case Content.json: {
      const length = reader.count('JSON content length')
      for (let i = 0; i < length; i += 1) json(reader, 'JSON content')
      return length
    }
    case Content.binary:
      reader.bytesOf('binary content')
      return 1
    case Content.string:
      return string(reader, 'string content').length
    case Content.embed:
      json(reader, 'embed')
      return 1
    case Content.format:
      string(reader, 'format key')
      json(reader, 'format value')
      return 1
    case Content.type: {
      const ref = reader.varUint()
      if (ref >= TYPE_REFS) throw new InvalidUpdate(`unknown type ref ${ref}`)
      if (NAMED_TYPE_REFS.has(ref)) string(reader, 'element name')
      return 1
    }
    case Content.any: {
      const length = reader.count('value count')
      for (let i = 0; i < length; i += 1) any(reader, 1)
      return length
    }
    case Content.doc:
      throw new InvalidUpdate('subdocuments are not accepted')
    default:
      throw new InvalidUpdate(`unknown content type ${info & BITS5}`)
  }
}

function structs(reader: Reader): { items: Map<number, ItemRecord[]>; structCount: number } {
  const clients = reader.count('client count')
  let structCount = 0
  const items = new Map<number, ItemRecord[]>()
  const unanchoredMapEntries = new Map<string, number>()
  for (let c = 0; c < clients; c += 1) {
    const count = reader.count('struct count')
    structCount += count
    const client = reader.varUint()
    if (items.has(client)) throw new InvalidUpdate(`client ${client} twice in one update`)
    const records: ItemRecord[] = []
    items.set(client, records)
    let clock = reader.varUint()
    for (let s = 0; s < count; s += 1) {
      const info = reader.uint8()
      const kind = info & BITS5
      if (kind === Content.gc || kind === Content.skip) {
        clock = advance(clock, reader.varUint())
        continue
      }
      let parent: ParentRef | null = null
      if (info & HAS_ORIGIN) parent = { kind: 'neighbour', client: reader.varUint(), clock: reader.varUint() }
      if (info & HAS_RIGHT_ORIGIN) {
        const right: ParentRef = { kind: 'neighbour', client: reader.varUint(), clock: reader.varUint() }
        parent ??= right
      }
      if (parent === null) {
        let parentKey: string
        if (reader.varUint() === 1) {
          parentKey = `root:${string(reader, 'root type name')}`
          parent = { kind: 'root' }
        } else {
          parent = { kind: 'type', client: reader.varUint(), clock: reader.varUint() }
          parentKey = `id:${parent.client}:${parent.clock}`
        }
        if (info & HAS_PARENT_SUB) {
          const key = `${parentKey}\u0000${string(reader, 'map key')}`
          // Yjs finds the leftmost entry of the key for each such item: n of them cost n².
          const count = (unanchoredMapEntries.get(key) ?? 0) + 1
          if (count > MAX_UNANCHORED_MAP_ENTRIES) throw new InvalidUpdate(`more than ${MAX_UNANCHORED_MAP_ENTRIES} map entries for one key without an origin`)
          unanchoredMapEntries.set(key, count)
        }
      }
      const end = advance(clock, content(reader, info))
      records.push({ clock, end, parent, depth: 0 })
      clock = end
    }
  }
  return { items, structCount }
}

function findItem(items: Map<number, ItemRecord[]>, client: number, clock: number): ItemRecord | undefined {
  const records = items.get(client)
  if (!records) return undefined
  let low = 0
  let high = records.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const record = records[mid] as ItemRecord
    if (clock < record.clock) high = mid - 1
    else if (clock >= record.end) low = mid + 1
    else return record
  }
  return undefined
}

/**
 * Resolves how deep each item sits, following parents and neighbours within the
 * update and asking the document for the rest. Iterative with memoisation: a
 * neighbour chain can be as long as the update.
 */
function checkNesting(items: Map<number, ItemRecord[]>, options: ValidateOptions): void {
  const depthOfRef = (ref: ParentRef): number | null => {
    if (ref.kind === 'root') return 1
    const inUpdate = findItem(items, ref.client, ref.clock)
    if (inUpdate) {
      if (inUpdate.depth === 0) return null
      // A cycle (-1) is Yjs's to refuse: such structs wait for each other and stay pending.
      const depth = Math.max(1, inUpdate.depth)
      return ref.kind === 'type' ? depth + 1 : depth
    }
    // Unknown to the document too: the struct stays pending and the room refuses the update.
    const existing = options.itemDepth?.(ref.client, ref.clock) ?? 1
    return ref.kind === 'type' ? existing + 1 : existing
  }
  for (const records of items.values()) {
    for (const start of records) {
      const stack: ItemRecord[] = [start]
      while (stack.length > 0) {
        const record = stack[stack.length - 1] as ItemRecord
        if (record.depth > 0) {
          stack.pop()
          continue
        }
        const depth = depthOfRef(record.parent)
        if (depth === null) {
          // Resolve the unvisited dependency first; -1 marks this one as waiting, so a cycle ends.
          record.depth = -1
          const ref = record.parent as Extract<ParentRef, { client: number }>
          stack.push(findItem(items, ref.client, ref.clock) as ItemRecord)
          continue
        }
        if (depth > MAX_NESTING) throw new InvalidUpdate(`shared types nested deeper than ${MAX_NESTING}`)
        record.depth = depth
        stack.pop()
      }
    }
  }
}

function deleteSet(reader: Reader): number {
  const clients = reader.count('delete set client count')
  let total = 0
  const seenClients = new Set<number>()
  for (let c = 0; c < clients; c += 1) {
    const client = reader.varUint()
    if (seenClients.has(client)) throw new InvalidUpdate(`client ${client} twice in the delete set`)
    seenClients.add(client)
    const ranges = reader.count('delete range count')
    total += ranges
    let end = 0
    for (let r = 0; r < ranges; r += 1) {
      const clock = reader.varUint()
      if (clock < end) throw new InvalidUpdate('delete ranges unsorted or overlapping')
      end = advance(clock, reader.varUint())
    }
  }
  return total
}

/** How much integration work a valid update can ask of Yjs: each part costs at most one walk of the text it touches. */
export interface UpdateShape {
  /** Structs (items, GC and skip runs) across all clients. */
  structs: number
  /** Delete ranges across all clients. */
  deleteRanges: number
}

/** Throws InvalidUpdate unless `update` is a well-formed Yjs v1 update the relay may apply; returns its shape. */
export function validateUpdate(update: Uint8Array, options: ValidateOptions = {}): UpdateShape {
  const reader = new Reader(update)
  const { items, structCount } = structs(reader)
  const deleteRanges = deleteSet(reader)
  if (reader.remaining > 0) throw new InvalidUpdate(`${reader.remaining} bytes after the delete set`)
  checkNesting(items, options)
  return { structs: structCount, deleteRanges }
}
