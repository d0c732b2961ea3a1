import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../../shared/schema/statementExtensions.js'
import { canonicalText } from '../../../shared/text/canonicalText.js'
import type { JsonNode } from '../../../shared/text/documentText.js'
import { liveDocumentStore, type SyncSource } from './liveDocument.js'

const schema = getSchema(statementExtensions)

function paragraphs(...texts: string[]) {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** A drafter's document and the rehearsal's, joined as the relay would join them. */
function pair() {
  const drafter = new Y.Doc()
  const reader = new Y.Doc()
  drafter.on('update', (update: Uint8Array) => Y.applyUpdate(reader, update, 'relay'))
  return { drafter, reader }
}

/** The provider's side of the store: its `synced` flag and `sync` event. */
class FakeProvider implements SyncSource {
  readonly handlers = new Set<(synced: boolean) => void>()
  constructor(public synced = false) {}
  on(_event: 'sync', handler: (synced: boolean) => void) {
    this.handlers.add(handler)
  }
  off(_event: 'sync', handler: (synced: boolean) => void) {
    this.handlers.delete(handler)
  }
  emit(synced: boolean) {
    this.synced = synced
    for (const handler of this.handlers) handler(synced)
  }
}

function write(doc: Y.Doc, json: ReturnType<typeof paragraphs>) {
  const fragment = doc.getXmlFragment(STATEMENT_FRAGMENT)
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    prosemirrorJSONToYXmlFragment(schema, json, fragment)
  })
}

const textOf = (json: JsonNode | null) => (json === null ? null : canonicalText(json))

describe('liveDocumentStore', () => {
  it('has no text before the first sync, then follows every change the relay delivers', () => {
    const { drafter, reader } = pair()
    const provider = new FakeProvider()
    const store = liveDocumentStore(reader, provider)
    let notified = 0
    const unsubscribe = store.subscribe(() => (notified += 1))

    write(drafter, paragraphs('Madam Chair,'))
    // The document is half-loaded until the provider says it synced: no text rather than a wrong one.
    expect(store.get()).toBeNull()
    expect(notified).toBe(0)

    provider.emit(true)
    expect(notified).toBe(1)
    expect(textOf(store.get())).toBe('Madam Chair,')

    write(drafter, paragraphs('Madam Chair,', 'we welcome the report.'))
    expect(notified).toBe(2)
    expect(textOf(store.get())).toBe('Madam Chair,\nwe welcome the report.')
    unsubscribe()
  })

  it('returns the same object until the document changes', () => {
    const { drafter, reader } = pair()
    write(drafter, paragraphs('One.'))
    const store = liveDocumentStore(reader, new FakeProvider(true))
    const unsubscribe = store.subscribe(() => {})
    const first = store.get()
    expect(store.get()).toBe(first)
    write(drafter, paragraphs('Two.'))
    const second = store.get()
    expect(second).not.toBe(first)
    expect(textOf(second)).toBe('Two.')
    unsubscribe()
  })

  it('keeps the last text through a lost sync (a reconnect)', () => {
    const { drafter, reader } = pair()
    write(drafter, paragraphs('Kept.'))
    const provider = new FakeProvider(true)
    const store = liveDocumentStore(reader, provider)
    const unsubscribe = store.subscribe(() => {})
    provider.emit(false)
    expect(textOf(store.get())).toBe('Kept.')
    unsubscribe()
  })

  it('never writes to the document it reads', () => {
    const { drafter, reader } = pair()
    write(drafter, paragraphs('Read only.'))
    const store = liveDocumentStore(reader, new FakeProvider(true))
    let written = 0
    reader.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') written += 1
    })
    const unsubscribe = store.subscribe(() => {})
    const before = Y.encodeStateVector(reader)
    expect(textOf(store.get())).toBe('Read only.')
    expect(Y.encodeStateVector(reader)).toEqual(before)
    expect(written).toBe(0)
    unsubscribe()
  })

  it('listens only while subscribed, and reads afresh after a gap', () => {
    const { drafter, reader } = pair()
    const provider = new FakeProvider(true)
    const store = liveDocumentStore(reader, provider)
    const unsubscribe = store.subscribe(() => {})
    write(drafter, paragraphs('Before.'))
    expect(textOf(store.get())).toBe('Before.')
    unsubscribe()
    expect(provider.handlers.size).toBe(0)

    write(drafter, paragraphs('During the gap.'))
    const again = store.subscribe(() => {})
    expect(textOf(store.get())).toBe('During the gap.')
    again()
  })
})
