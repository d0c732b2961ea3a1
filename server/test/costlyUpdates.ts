import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * Updates that pass every structural check yet make Yjs's integration
 * quadratic, for tests of the relay's time limit. Measured on the development
 * machine: 4,000 forged items over a 40,000-item text took 93 s to apply.
 */

const CONTENT_STRING = 4
const HAS_ORIGIN = 0b1000_0000
const HAS_RIGHT_ORIGIN = 0b0100_0000

/** Two client ids that alternate along the text, so that no two neighbours merge into one struct. */
const A = 1_000_001
const B = 1_000_002
const FORGER = 1_000_003

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** A paragraph with an empty text, from client `owner`; returns the update and the id of its text. */
export function emptyParagraph(owner = 999_999): { update: Uint8Array; textId: { client: number; clock: number } } {
  const doc = new Y.Doc()
  doc.clientID = owner
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  doc.getXmlFragment('default').insert(0, [paragraph])
  paragraph.insert(0, [text])
  const item = text._item as Y.Item
  return { update: Y.encodeStateAsUpdate(doc), textId: { client: item.id.client, clock: item.id.clock } }
}

/** Client and clock of the `index`th character of the chain. */
function position(index: number): [number, number] {
  return [index % 2 === 0 ? A : B, Math.floor(index / 2)]
}

/**
 * The characters `from` to `to` (exclusive) of a long text in `textId`, one
 * struct each: every even one from A, every odd one from B, each typed after
 * the one before, as two people taking turns would.
 */
export function chainChunk(textId: { client: number; clock: number }, from: number, to: number): Uint8Array {
  return bytes((e) => {
    encoding.writeVarUint(e, 2)
    for (const client of [B, A]) {
      const indices: number[] = []
      for (let i = from; i < to; i += 1) if (position(i)[0] === client) indices.push(i)
      encoding.writeVarUint(e, indices.length)
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, position(indices[0] as number)[1])
      for (const index of indices) {
        if (index === 0) {
          encoding.writeUint8(e, CONTENT_STRING)
          encoding.writeVarUint(e, 0) // parent by id
          encoding.writeVarUint(e, textId.client)
          encoding.writeVarUint(e, textId.clock)
        } else {
          encoding.writeUint8(e, CONTENT_STRING | HAS_ORIGIN)
          const [client, clock] = position(index - 1)
          encoding.writeVarUint(e, client)
          encoding.writeVarUint(e, clock)
        }
        encoding.writeVarString(e, index % 2 === 0 ? 'a' : 'b')
      }
    }
    encoding.writeVarUint(e, 0)
  })
}

/**
 * `count` characters that claim to be typed at the very start of the text but
 * right before its last character: Yjs's conflict resolution walks the whole
 * text for each of them.
 */
export function forgedOrigins(chainLength: number, count: number): Uint8Array {
  const [rightClient, rightClock] = position(chainLength - 1)
  return bytes((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, count)
    encoding.writeVarUint(e, FORGER)
    encoding.writeVarUint(e, 0)
    for (let i = 0; i < count; i += 1) {
      encoding.writeUint8(e, CONTENT_STRING | HAS_RIGHT_ORIGIN)
      encoding.writeVarUint(e, rightClient)
      encoding.writeVarUint(e, rightClock)
      encoding.writeVarString(e, 'x')
    }
    encoding.writeVarUint(e, 0)
  })
}
