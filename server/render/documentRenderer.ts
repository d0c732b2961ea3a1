import { getSchema, type JSONContent } from '@tiptap/core'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { canonicalText } from '../../shared/text/canonicalText.js'
import { countDocumentWords, type JsonNode } from '../../shared/text/documentText.js'
import { fingerprintText } from '../../shared/text/fingerprint.js'
import { STATEMENT_FRAGMENT, statementExtensions } from '../../shared/schema/statementExtensions.js'

/**
 * Renders a statement's Yjs document with the editor's own extension list, so
 * exports, diffs and fingerprints see exactly what the editor shows. Content
 * that the schema does not allow (stored before the relay refused it) is left
 * out of the rendering, the same way the editor would leave it out.
 */
const schema = getSchema(statementExtensions)

/**
 * Converts a copy, never `doc` itself: y-prosemirror deletes from the Y.Doc it
 * reads whatever the schema cannot build, and merges adjacent texts that the
 * reading document's client created. On a room's document that turned a read
 * (a GET of the content, an automatic version) into an edit nobody made, sent
 * to every client and saved. The relay refuses such content now
 * (server/collab/schemaGuard.ts); this keeps documents saved before that, and
 * anything the guard misses, the same live and after a restart.
 */
export function documentJson(doc: Y.Doc): JSONContent {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(STATEMENT_FRAGMENT), schema).toJSON() as JSONContent
  } finally {
    copy.destroy()
  }
}

export function renderJsonToHtml(json: JSONContent): string {
  return renderToHTMLString({ content: json, extensions: statementExtensions })
}

export interface RenderedDocument {
  json: JSONContent
  text: string
  html: string
}

/** JSON, the canonical text (what is fingerprinted) and HTML. */
export function renderDocument(doc: Y.Doc): RenderedDocument {
  const json = documentJson(doc)
  return { json, text: canonicalText(json as JsonNode), html: renderJsonToHtml(json) }
}

export interface DocumentSnapshot {
  json: JSONContent
  /** The canonical text that is fingerprinted and signed (shared/text/canonicalText.ts). */
  canonical: string
  fingerprint: string
  wordCount: number
}

/** Everything a version, a lock or a fingerprint needs, read from the document in one synchronous step. */
export function snapshotDocument(doc: Y.Doc): DocumentSnapshot {
  return snapshotJson(documentJson(doc))
}

export function snapshotJson(json: JSONContent): DocumentSnapshot {
  const canonical = canonicalText(json as JsonNode)
  return { json, canonical, fingerprint: fingerprintText(canonical), wordCount: countDocumentWords(json as JsonNode) }
}
