import * as Y from 'yjs'
import { probeText, sleep } from '../load/loadSession.js'
import { RealClient } from '../load/realClient.js'
import { waitUntil } from '../load/waitUntil.js'
import type { BenchServer } from '../servers/benchServer.js'
import type { Scenario } from './scenario.js'

const AUTHORS = 10
const PARAGRAPHS = 20

/** A small seeded generator, so every run and server gets the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A statement's life: `edits` inserts and deletions by ten authors at random
 * places of twenty paragraphs, each author seeing the others' edits at once.
 * Returns the final state as one update.
 */
export function buildHistory(edits: number, seed = 1): Uint8Array {
  const next = random(seed)
  const authors = Array.from({ length: AUTHORS }, () => new Y.Doc())
  const first = authors[0] as Y.Doc
  first.getXmlFragment('default').insert(
    0,
    Array.from({ length: PARAGRAPHS }, () => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('')])
      return paragraph
    }),
  )
  const initial = Y.encodeStateAsUpdate(first)
  for (const author of authors.slice(1)) Y.applyUpdate(author, initial)
  for (const author of authors) {
    author.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return
      for (const other of authors) if (other !== author) Y.applyUpdate(other, update, 'peer')
    })
  }
  for (let i = 0; i < edits; i++) {
    const author = authors[Math.floor(next() * AUTHORS)] as Y.Doc
    const paragraph = author.getXmlFragment('default').get(Math.floor(next() * PARAGRAPHS)) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    if (text.length > 20 && next() < 0.2) {
      const at = Math.floor(next() * (text.length - 5))
      text.delete(at, 1 + Math.floor(next() * 4))
    } else {
      const word = Math.floor(next() * 1e6).toString(36) + ' '
      text.insert(Math.floor(next() * (text.length + 1)), word)
    }
  }
  return Y.encodeStateAsUpdate(first)
}

/** Time from opening a fresh client's socket until its document holds the whole statement. */
async function timeToSync(server: BenchServer, room: string, expected: string): Promise<number> {
  const started = performance.now()
  const client = new RealClient(server.endpoint(room, 0), null, -1, null, 0)
  try {
    await client.connect()
    const elapsed = performance.now() - started
    if (client.text() !== expected) throw new Error(`${server.name}: a fresh client synced a different document (${client.text().length} vs ${expected.length} characters)`)
    return elapsed
  } finally {
    client.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] as number
}

/**
 * coldload: a statement with 20,000 historical edits; time for a fresh client
 * to be synced while the statement is in memory (warm) and, for a server that
 * persists, after a restart (cold: read from disk).
 */
const histories = new Map<number, Uint8Array>()
const editsFor = (quick: boolean) => (quick ? 5000 : 20_000)

function historyOf(edits: number): Uint8Array {
  let history = histories.get(edits)
  if (!history) histories.set(edits, (history = buildHistory(edits)))
  return history
}

export const coldload: Scenario = {
  name: 'coldload',
  async prepare({ quick }) {
    historyOf(editsFor(quick))
  },
  async run(server, { quick, log }) {
    const edits = editsFor(quick)
    const history = historyOf(edits)
    const expectedDoc = new Y.Doc()
    Y.applyUpdate(expectedDoc, history)
    const expected = expectedDoc.getXmlFragment('default').toString()
    const [room] = await server.createDocuments(1)
    // The holder brings the history in and keeps the statement warm (Hocuspocus unloads a statement nobody holds).
    const holder = new RealClient(server.endpoint(room as string, 0), null, -1, history, 0)
    let warmMs: number
    try {
      await holder.connect()
      await waitUntil(async () => (await probeText(server, room as string, (doc) => doc.getXmlFragment('default').toString())) === expected, {
        timeoutMs: 60_000,
        what: `${server.name} to hold the history`,
      })
      const warm: number[] = []
      for (let i = 0; i < (quick ? 3 : 5); i++) warm.push(await timeToSync(server, room as string, expected))
      warmMs = median(warm)
    } finally {
      holder.close()
    }
    let coldMs: number | null = null
    if (server.persists) {
      // Saved and unloaded before the restart, as after the last person left.
      await sleep(500)
      await waitUntil(async () => (await server.openDocuments([room as string])) === 0, { timeoutMs: 30_000, what: `${server.name} to unload the statement` })
      await server.restart()
      const cold: number[] = [await timeToSync(server, room as string, expected)]
      for (let i = 1; i < (quick ? 1 : 3); i++) {
        await waitUntil(async () => (await server.openDocuments([room as string])) === 0, { timeoutMs: 30_000, what: `${server.name} to unload the statement` })
        cold.push(await timeToSync(server, room as string, expected))
      }
      coldMs = median(cold)
    }
    log(`coldload ${server.name}: warm ${warmMs.toFixed(0)} ms${coldMs === null ? '' : `, cold ${coldMs.toFixed(0)} ms`}`)
    return [{ scenario: `coldload-${edits}`, server: server.name, figures: { warmMs, coldMs, historyBytes: history.byteLength } }]
  },
}
