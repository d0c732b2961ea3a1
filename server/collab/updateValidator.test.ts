import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { InvalidUpdate, MAX_NESTING, MAX_UNANCHORED_MAP_ENTRIES, validateUpdate } from './updateValidator.js'

/**
 * Seeded: rerun a failure with VALIDATOR_SEED=<seed> npx vitest run server/collab/updateValidator.test.ts
 */
const SEED = process.env.VALIDATOR_SEED ? Number(process.env.VALIDATOR_SEED) : Math.floor(Math.random() * 2 ** 31)
console.log(`updateValidator: VALIDATOR_SEED=${SEED}`)

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

const uints = (e: encoding.Encoder, ...values: number[]) => values.forEach((value) => encoding.writeVarUint(e, value))

/** Every update a doc emits while `edit` runs, plus its state as one update. */
function updatesOf(edit: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  edit(doc)
  return [...updates, Y.encodeStateAsUpdate(doc)]
}

const expectValid = (update: Uint8Array) => expect(() => validateUpdate(update), Buffer.from(update).toString('hex')).not.toThrow()
const expectInvalid = (update: Uint8Array, message?: RegExp) => {
  expect(() => validateUpdate(update)).toThrow(InvalidUpdate)
  if (message) expect(() => validateUpdate(update)).toThrow(message)
}

/** One client section holding `structs`, then an empty delete set. */
function oneClient(client: number, structs: ((e: encoding.Encoder) => void)[], clock = 0): Uint8Array {
  return bytes((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, structs.length)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
    for (const struct of structs) struct(e)
    encoding.writeVarUint(e, 0)
  })
}

/** An item in root type `root` (optionally a map entry under `key`) with content written by `content`. */
const rootItem = (contentRef: number, content: (e: encoding.Encoder) => void, root = 'r', key?: string) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, contentRef | (key === undefined ? 0 : 0b0010_0000))
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, root)
  if (key !== undefined) encoding.writeVarString(e, key)
  content(e)
}
const anyNull = (e: encoding.Encoder) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 126))

describe('validateUpdate accepts what Yjs writes', () => {
  it('accepts every content type a real document produces', () => {
    const updates = updatesOf((doc) => {
      const fragment = doc.getXmlFragment('default')
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('textAlign', 'center')
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      fragment.insert(0, [paragraph, heading])
      const text = new Y.XmlText()
      paragraph.insert(0, [text])
      text.insert(0, 'Hello, délégués 🌍', { bold: true })
      text.format(0, 5, { italic: true, link: { href: 'https://example.org' } })
      text.insertEmbed(3, { image: 'x.png' })
      text.delete(1, 2)
      heading.removeAttribute('level')
      const ytext = doc.getText('t')
      ytext.insert(0, 'abc')
      ytext.delete(0, 3)
      const map = doc.getMap('m')
      map.set('number', 1.5)
      map.set('big', 2n ** 60n)
      map.set('nested', { list: [1, 'two', null, true, false, undefined], deep: { x: new Uint8Array([1, 2]) } })
      map.set('binary', new Uint8Array([9, 8, 7]))
      map.set('array', Y.Array.from([1, 2, 3]))
      map.set('number', -42)
      map.delete('nested')
      doc.getArray('a').insert(0, [1, 2, 3])
      doc.getArray('a').delete(1, 1)
      const hook = new Y.XmlHook('hook')
      fragment.insert(2, [hook as unknown as Y.XmlElement])
    })
    for (const update of updates) expectValid(update)
  })

  it('accepts GC structs left by a deleted type, Skip structs in merged updates, and ContentJSON', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('default')
    const element = new Y.XmlElement('paragraph')
    fragment.insert(0, [element])
    element.insert(0, [new Y.XmlText('will be collected')])
    fragment.delete(0, 1)
    const state = Y.encodeStateAsUpdate(doc)
    expect(Y.decodeUpdate(state).structs.some((s) => s instanceof Y.GC)).toBe(true)
    expectValid(state)

    const writer = new Y.Doc()
    const [first, , third] = updatesOf((d) => ['a', 'b', 'c'].forEach((s) => d.getText('t').insert(d.getText('t').length, s)), writer)
    const merged = Y.mergeUpdates([first as Uint8Array, third as Uint8Array])
    expect(Y.decodeUpdate(merged).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expectValid(merged)

    // Yjs no longer writes ContentJSON but still reads it (content ref 2): legacy documents hold it.
    const json = oneClient(5, [rootItem(2, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarString(e, '{"a":[1]}'), encoding.writeVarString(e, 'undefined')), 'a')])
    expectValid(json)
    const target = new Y.Doc()
    Y.applyUpdate(target, json)
    expect(target.getArray('a').toJSON()).toEqual([{ a: [1] }, undefined])
  })

  it('accepts every incremental update, state and diff of seeded random editing sessions', () => {
    const gen = prng.create(SEED)
    for (let session = 0; session < 20; session += 1) {
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      const seen: Uint8Array[] = []
      for (const doc of docs) doc.on('update', (update: Uint8Array) => seen.push(update))
      for (let step = 0; step < 60; step += 1) {
        const doc = prng.oneOf(gen, docs)
        randomEdit(gen, doc)
        if (prng.bool(gen)) {
          const other = prng.oneOf(gen, docs)
          const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other))
          seen.push(diff)
          Y.applyUpdate(other, diff)
        }
      }
      seen.push(...docs.map((doc) => Y.encodeStateAsUpdate(doc)), Y.mergeUpdates(seen.slice(0, 20)))
      for (const update of seen) expectValid(update)
    }
  })
})

function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const fragment = doc.getXmlFragment('default')
  const map = doc.getMap('m')
  const text = doc.getText('t')
  prng.oneOf(gen, [
    () => {
      const element = new Y.XmlElement(prng.oneOf(gen, ['paragraph', 'heading', 'bulletList']))
      element.setAttribute('level', String(prng.int32(gen, 1, 3)))
      element.insert(0, [new Y.XmlText(prng.word(gen, 1, 20))])
      fragment.insert(prng.int32(gen, 0, fragment.length), [element])
    },
    () => fragment.length > 0 && fragment.delete(prng.int32(gen, 0, fragment.length - 1), 1),
    () => text.insert(prng.int32(gen, 0, text.length), prng.utf16String(gen, 8), prng.bool(gen) ? { bold: true } : {}),
    () => text.length > 1 && text.format(0, prng.int32(gen, 1, text.length), { italic: prng.bool(gen) ? true : null }),
    () => text.length > 1 && text.delete(prng.int32(gen, 0, text.length - 1), 1),
    () => text.insertEmbed(prng.int32(gen, 0, text.length), { image: prng.word(gen) }),
    () => map.set(prng.word(gen, 1, 3), prng.oneOf(gen, [1, 'two', { three: [3] }, null, new Uint8Array([4])])),
    () => map.delete(prng.word(gen, 1, 3)),
    () => map.set('sub', new Y.Map([['x', prng.int32(gen, 0, 9)]])),
  ])()
}

describe('validateUpdate refuses', () => {
  const real = updatesOf((doc) => {
    const element = new Y.XmlElement('paragraph')
    doc.getXmlFragment('default').insert(0, [element])
    element.insert(0, [new Y.XmlText('Agreed text')])
    element.setAttribute('textAlign', 'left')
  }).at(-1) as Uint8Array

  it('every truncation of a real update', () => {
    for (let end = 0; end < real.byteLength; end += 1) expectInvalid(real.subarray(0, end))
  })

  it('trailing bytes', () => {
    expectInvalid(new Uint8Array([...real, 0]), /after the delete set/)
  })

  it('counts that cannot fit in the bytes left: 2^50 structs that would each read nothing, clients, ranges', () => {
    // Yjs itself does not loop on these: it throws "Unexpected end of array", or "Invalid array length" for new Array(2^50).
    expectInvalid(bytes((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 2 ** 50), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 0))), /struct count/)
    expectInvalid(bytes((e) => encoding.writeVarUint(e, 2 ** 40)), /client count/)
    expectInvalid(bytes((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 2 ** 33))), /delete range count/)
    expectInvalid(oneClient(1, [rootItem(8, (e) => encoding.writeVarUint(e, 1_000_000))]), /value count/)
    expectInvalid(oneClient(1, [rootItem(4, (e) => encoding.writeVarUint(e, 2 ** 31))]), /string content of/)
  })

  it('varints longer than 8 bytes or above 2^53, at every position of a real update', () => {
    expectInvalid(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), /beyond 2\^53/)
    expectInvalid(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), /longer than 8 bytes/)
    expectInvalid(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), /beyond 2\^53/)
    for (let at = 0; at < real.byteLength; at += 1) {
      const oversized = new Uint8Array([...real.subarray(0, at), ...new Array(9).fill(0xff), 0x01, ...real.subarray(at)])
      expectInvalid(oversized)
    }
  })

  it('structs of length zero and clocks past 2^53', () => {
    expectInvalid(oneClient(1, [rootItem(4, (e) => encoding.writeVarString(e, ''))]), /length zero/)
    expectInvalid(oneClient(1, [(e) => (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 0))]), /length zero/)
    expectInvalid(oneClient(1, [rootItem(1, (e) => encoding.writeVarUint(e, 10))], Number.MAX_SAFE_INTEGER - 5), /clock beyond/)
  })

  it('a client twice, and delete ranges that overlap or are unsorted', () => {
    const twice = bytes((e) => {
      encoding.writeVarUint(e, 2)
      for (let i = 0; i < 2; i += 1) {
        uints(e, 1, 7, i)
        rootItem(8, anyNull, 'a')(e)
      }
      encoding.writeVarUint(e, 0)
    })
    expectInvalid(twice, /twice in one update/)
    const deletes = (ranges: [number, number][], clients = [3]) =>
      bytes((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, clients.length)
        for (const client of clients) {
          encoding.writeVarUint(e, client)
          encoding.writeVarUint(e, ranges.length)
          for (const [clock, len] of ranges) uints(e, clock, len)
        }
      })
    expectValid(deletes([[0, 5], [5, 2], [10, 1]]))
    expectInvalid(deletes([[0, 5], [4, 2]]), /overlapping/)
    expectInvalid(deletes([[10, 1], [0, 5]]), /overlapping/)
    expectInvalid(deletes([[0, 5]], [3, 3]), /twice in the delete set/)
  })

  it(`more than ${MAX_UNANCHORED_MAP_ENTRIES} map entries for one key without an origin (each walks the key’s whole history)`, () => {
    const entries = (count: number, key: (i: number) => string) => oneClient(1, Array.from({ length: count }, (_, i) => rootItem(8, anyNull, 'm', key(i))))
    expectValid(entries(MAX_UNANCHORED_MAP_ENTRIES, () => 'k'))
    expectValid(entries(1000, (i) => `k${i}`))
    expectInvalid(entries(MAX_UNANCHORED_MAP_ENTRIES + 1, () => 'k'), /without an origin/)
  })

  it(`values, JSON and shared types nested deeper than ${MAX_NESTING}`, () => {
    const nestedAny = (depth: number) => (e: encoding.Encoder) => {
      encoding.writeVarUint(e, 1)
      for (let i = 0; i < depth; i += 1) {
        encoding.writeUint8(e, 117)
        encoding.writeVarUint(e, 1)
      }
      encoding.writeUint8(e, 126)
    }
    expectValid(oneClient(1, [rootItem(8, nestedAny(MAX_NESTING - 1), 'a')]))
    expectInvalid(oneClient(1, [rootItem(8, nestedAny(MAX_NESTING + 1), 'a')]), /nested deeper/)
    // JSON.parse takes any depth, but JSON.stringify overflows the stack: no later encode would work.
    const embed = (depth: number) => (e: encoding.Encoder) => encoding.writeVarString(e, `${'['.repeat(depth)}"[[{\\"${']'.repeat(depth)}`)
    expectValid(oneClient(1, [rootItem(5, embed(MAX_NESTING), 't')]))
    expectInvalid(oneClient(1, [rootItem(5, embed(MAX_NESTING + 1), 't')]), /nested deeper/)

    const typeChain = (depth: number) =>
      oneClient(
        1,
        Array.from({ length: depth }, (_, i) => (e: encoding.Encoder) => {
          encoding.writeUint8(e, 7)
          if (i === 0) {
            encoding.writeVarUint(e, 1)
            encoding.writeVarString(e, 'default')
          } else uints(e, 0, 1, i - 1)
          encoding.writeVarUint(e, 3)
          encoding.writeVarString(e, 'bulletList')
        }),
      )
    expectValid(typeChain(MAX_NESTING))
    expectInvalid(typeChain(MAX_NESTING + 1), /shared types nested deeper/)
    // Across updates: the document says how deep an existing parent already is.
    const child = oneClient(2, [(e) => (encoding.writeUint8(e, 7), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 4))])
    expect(() => validateUpdate(child, { itemDepth: () => MAX_NESTING - 1 })).not.toThrow()
    expect(() => validateUpdate(child, { itemDepth: () => MAX_NESTING })).toThrow(/shared types nested deeper/)
  })

  it('nesting hidden behind origins: a type whose parent comes from its left neighbour', () => {
    // Item 0 is a type inside one the document places d deep, item 1 a type inside item 0. Item 2 names
    // no parent: it sits next to item 1, so at item 1's depth. Item 3 is a type inside item 2: d + 3.
    const update = oneClient(9, [
      (e) => (encoding.writeUint8(e, 7), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 4)),
      (e) => (encoding.writeUint8(e, 7), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 4)),
      (e) => (encoding.writeUint8(e, 7 | 0b1000_0000), encoding.writeVarUint(e, 9), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 4)),
      (e) => (encoding.writeUint8(e, 7), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 4)),
    ])
    expect(() => validateUpdate(update, { itemDepth: () => MAX_NESTING - 3 })).not.toThrow()
    expect(() => validateUpdate(update, { itemDepth: () => MAX_NESTING - 2 })).toThrow(/shared types nested deeper/)
  })

  it('subdocuments, unknown content types and unknown type refs', () => {
    const withSubdoc = updatesOf((doc) => doc.getMap('m').set('sub', new Y.Doc())).at(-1) as Uint8Array
    expectInvalid(withSubdoc, /subdocuments/)
    expectInvalid(oneClient(1, [rootItem(11, () => undefined)]), /unknown content type 11/)
    expectInvalid(oneClient(1, [rootItem(7, (e) => encoding.writeVarUint(e, 7))]), /unknown type ref 7/)
    expectInvalid(oneClient(1, [rootItem(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 100)))]), /unknown value type/)
  })

  it('runs in time linear in the update: a megabyte of the worst shapes is refused or accepted without hanging', () => {
    // Not a speed target: these shapes would make a quadratic or looping validator time the test out.
    const many = 200_000
    const chain = bytes((e) => {
      uints(e, 1, many, 1, 0)
      for (let i = 0; i < many; i += 1) {
        encoding.writeUint8(e, 8 | 0b1000_0000)
        uints(e, 1, Math.max(0, i - 1))
        anyNull(e)
      }
      encoding.writeVarUint(e, 0)
    })
    expect(() => validateUpdate(chain)).not.toThrow()
  })
})

describe('the shape of a valid update', () => {
  it('counts its structs and delete ranges: what decides whether the relay needs the time limit', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'hello world')
    const before = Y.encodeStateVector(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    text.insert(5, ',')
    text.delete(0, 1)
    text.delete(5, 2)
    expect(updates.map((update) => validateUpdate(update))).toEqual([
      { structs: 1, deleteRanges: 0 },
      { structs: 0, deleteRanges: 1 },
      { structs: 0, deleteRanges: 1 },
    ])
    const merged = Y.encodeStateAsUpdate(doc, before)
    expect(validateUpdate(merged)).toEqual({ structs: 1, deleteRanges: 2 })
  })
})
