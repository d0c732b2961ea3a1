import type { JSONContent } from '@tiptap/core'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import type * as Y from 'yjs'
import { canonicalText } from '../../shared/text/canonicalText.js'
import { countDocumentWords, type JsonNode } from '../../shared/text/documentText.js'
import { fingerprintText } from '../../shared/text/fingerprint.js'
import { documentJson } from '../../shared/schema/documentJson.js'
import { statementExtensions } from '../../shared/schema/statementExtensions.js'

/**
 * Renders a statement's Yjs document with the editor's own extension list, so
 * exports, diffs and fingerprints see exactly what the editor shows; the
 * conversion itself (from a copy, never the live document) is shared with the
 * client's rehearsal view.
 */
export { documentJson }

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
