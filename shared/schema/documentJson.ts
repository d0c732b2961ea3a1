import { getSchema, type JSONContent } from '@tiptap/core'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { STATEMENT_FRAGMENT, statementExtensions } from './statementExtensions.js'

const schema = getSchema(statementExtensions)

/**
 * A statement's Yjs document as ProseMirror JSON of the statement schema: what the
 * editor shows. The server renders exports, diffs and fingerprints from it; the
 * rehearsal view renders the live text from it, so both read the document the same way.
 * Content that the schema does not allow (stored before the relay refused it) is left
 * out, the same way the editor would leave it out.
 *
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
