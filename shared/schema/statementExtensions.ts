import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/**
 * The statement schema: the one list of Tiptap extensions that the editor, the
 * server's renderer (text, HTML, JSON exports) and every fingerprint share.
 * Adding or removing a node or mark here changes what documents can contain,
 * so it is a data migration, not a UI tweak.
 *
 * Undo/redo is off because collaborative editing brings its own Yjs-aware undo.
 */
export const statementExtensions: Extensions = [
  StarterKit.configure({
    undoRedo: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
  }),
]

/** The Y.XmlFragment that holds the statement body, as any y-prosemirror client names it. */
export const STATEMENT_FRAGMENT = 'default'
