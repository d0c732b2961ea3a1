import { mergeAttributes, type Extensions } from '@tiptap/core'
import Link from '@tiptap/extension-link'
import StarterKit from '@tiptap/starter-kit'
import { isSafeLinkHref, LINK_PROTOCOLS } from './linkHref.js'

/**
 * StarterKit's link mark, unchanged in the schema (same name, attributes and
 * priority, so documents and fingerprints do not change), drawn without an
 * `href` when its target is not a safe one. Tiptap's own fallback is `href=""`,
 * which still opens the page again (in a new tab) when a reader clicks it; an
 * `<a>` without `href` is not a link at all. A refused target can only come
 * from a forged document: the editor neither creates nor pastes one.
 */
const StatementLink = Link.extend({
  renderHTML({ HTMLAttributes }) {
    const { href, ...rest } = HTMLAttributes as Record<string, unknown>
    return ['a', mergeAttributes(this.options.HTMLAttributes, rest, isSafeLinkHref(href) ? { href } : {}), 0]
  },
})

/**
 * The statement schema: the one list of Tiptap extensions that the editor, the
 * server's renderer (text, HTML, JSON exports) and every fingerprint share.
 * Adding or removing a node or mark here changes what documents can contain,
 * so it is a data migration, not a UI tweak.
 *
 * Undo/redo is off because collaborative editing brings its own Yjs-aware undo.
 * Links: only http(s) and mailto targets (shared/schema/linkHref.ts), for
 * typing, pasting and rendering alike.
 */
export const statementExtensions: Extensions = [
  StarterKit.configure({ undoRedo: false, link: false }),
  StatementLink.configure({
    openOnClick: false,
    autolink: true,
    protocols: [...LINK_PROTOCOLS],
    isAllowedUri: (url) => isSafeLinkHref(url),
  }),
]

/** The Y.XmlFragment that holds the statement body, as any y-prosemirror client names it. */
export const STATEMENT_FRAGMENT = 'default'
