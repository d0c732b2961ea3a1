import * as Y from 'yjs'

/** A Y.Doc edited a few times (inserts and a deletion), with the update each edit emitted. */
export function editedDocument(edits: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('t')
  for (const edit of edits) text.insert(text.length, edit)
  if (text.length > 2) text.delete(0, 1)
  return { doc, updates }
}

/** What a fresh document looks like after applying `updates` in order. */
export function replayedText(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}
