import * as Y from 'yjs'

/**
 * The starting document: one paragraph per client, as y-prosemirror stores a
 * paragraph (<paragraph> holding one Y.XmlText). Each client types at the end
 * of its own paragraph, so a light client can build valid inserts from the seed
 * and its own edits alone, without applying anyone else's.
 */
export function buildSeed(paragraphs: number): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const items = Array.from({ length: paragraphs }, (_, index) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(`Paragraph ${index + 1}. `)])
    return paragraph
  })
  fragment.insert(0, items)
  return Y.encodeStateAsUpdate(doc)
}

/** The text of the paragraph a client types into. */
export function paragraphText(doc: Y.Doc, paragraph: number): Y.XmlText {
  const element = doc.getXmlFragment('default').get(paragraph)
  const text = element instanceof Y.XmlElement ? element.get(0) : undefined
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${paragraph} is missing from the seeded document`)
  return text
}
