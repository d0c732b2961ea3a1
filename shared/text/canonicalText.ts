import type { JsonNode } from './documentText.js'

/**
 * The canonical text of a statement: THE text that is fingerprinted and signed.
 * It is defined so that anyone holding the text (or the document) can recompute
 * it and its fingerprint without this code. Changing any rule below changes
 * every fingerprint ever issued, so it is a versioned migration, never a tweak.
 *
 * Rules, applied to ProseMirror JSON of the statement schema:
 *
 * 1. One line per block: paragraph, heading, code block, horizontal rule, and
 *    each paragraph inside a list item or blockquote. Lines are joined by a
 *    single LF ("\n"); there is no trailing newline. An empty document is "".
 * 2. Inline content: the text of text nodes; a hard break is one space; marks
 *    (bold, italic, links and their targets, inline code, …) are ignored; any
 *    other inline node contributes the text of its descendants.
 * 3. Within a block, every run of whitespace collapses to one U+0020 space, and
 *    spaces at the start and end of the block are removed. Whitespace means
 *    exactly these code points (what JavaScript's `\s` matches): U+0009–U+000D,
 *    U+0020, U+00A0 (no-break space), U+1680, U+2000–U+200A, U+2028, U+2029,
 *    U+202F, U+205F, U+3000, U+FEFF. Zero-width space U+200B and U+0085 are not
 *    whitespace and are kept. Code blocks follow the same rule, so their line
 *    breaks and indentation collapse to single spaces.
 * 4. A block whose text is empty after rule 3 is dropped, prefix and all (an
 *    empty heading or list item produces no line). A horizontal rule is never
 *    empty: it is the line "---".
 * 5. A heading is prefixed by "#" × level and a space ("## Title"); the level
 *    is attrs.level when it is an integer from 1 to 6, otherwise 1.
 * 6. Lists: the first line of a bullet list item is prefixed by "- ", the first
 *    line of an ordered list item by "<n>. ", where n = attrs.start + the item's
 *    position in its list (attrs.start defaults to 1 when it is not an integer;
 *    empty items keep their number, as the editor shows it; the list style
 *    attrs.type is ignored, numbers are always decimal). Every later line of the
 *    same item (its further paragraphs and nested lists) is prefixed by two
 *    spaces, so each nesting level indents by two spaces.
 * 7. Blockquote: every line inside it is prefixed by "> ".
 * 8. Prefixes compose from the outside in: a quote in a list item's first line
 *    is "- > text", a nested item in a quote is ">   - text".
 * 9. Any other node type (unknown to this version) contributes its text content
 *    (rule 2) as one block. The root may be any node; "doc" is a plain container.
 * 10. The whole result is normalised to Unicode NFC, so "e\u0301" and "é" are
 *    the same text.
 * 11. A lone UTF-16 surrogate (not a character; a client can leave one behind
 *    by splitting an emoji) becomes U+FFFD, as any UTF-8 encoder writes it, so
 *    the canonical text and its UTF-8 file are the same text.
 */
export function canonicalText(doc: JsonNode): string {
  const lines: string[] = []
  emitBlock(doc, (line) => lines.push(line))
  return lines.join('\n').replace(LONE_SURROGATE, '\uFFFD').normalize('NFC')
}

type Emit = (line: string) => void

// Spelled out rather than written as \s so that a future Unicode version in the
// JavaScript engine cannot silently change a signed fingerprint.
const WHITESPACE_RUN = /[\t\n\v\f\r\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+/gu

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ITEM_CONTINUATION = '  '
const QUOTE_PREFIX = '> '

function emitBlock(node: JsonNode, emit: Emit): void {
  switch (node.type) {
    case 'doc':
    case 'listItem': // a list item outside a list (not valid in the schema) gets no marker
      for (const child of node.content ?? []) emitBlock(child, emit)
      return
    case 'paragraph':
    case 'codeBlock':
      emitText(inlineText(node.content), '', emit)
      return
    case 'heading':
      emitText(inlineText(node.content), '#'.repeat(headingLevel(node)) + ' ', emit)
      return
    case 'bulletList':
    case 'orderedList':
      emitList(node, emit)
      return
    case 'blockquote': {
      const quoted = prefixed(emit, QUOTE_PREFIX, QUOTE_PREFIX)
      for (const child of node.content ?? []) emitBlock(child, quoted)
      return
    }
    case 'horizontalRule':
      emit('---')
      return
    default:
      emitText(inlineText([node]), '', emit)
  }
}

function emitList(list: JsonNode, emit: Emit): void {
  const ordered = list.type === 'orderedList'
  const start = ordered && Number.isInteger(list.attrs?.start) ? (list.attrs?.start as number) : 1
  ;(list.content ?? []).forEach((item, index) => {
    const marker = ordered ? `${start + index}. ` : '- '
    const itemEmit = prefixed(emit, marker, ITEM_CONTINUATION)
    // A stray non-item child of a list is treated as the single block of an item.
    const blocks = item.type === 'listItem' ? (item.content ?? []) : [item]
    for (const block of blocks) emitBlock(block, itemEmit)
  })
}

/** Wraps `emit` so that the first line actually emitted gets `first` and later ones `rest`. */
function prefixed(emit: Emit, first: string, rest: string): Emit {
  let emitted = false
  return (line) => {
    emit((emitted ? rest : first) + line)
    emitted = true
  }
}

function emitText(raw: string, prefix: string, emit: Emit): void {
  const text = raw.replace(WHITESPACE_RUN, ' ').replace(/^ | $/g, '')
  if (text !== '') emit(prefix + text)
}

function inlineText(nodes: JsonNode[] | undefined): string {
  let text = ''
  for (const node of nodes ?? []) {
    if (node.type === 'text') text += node.text ?? ''
    else if (node.type === 'hardBreak') text += ' '
    else text += inlineText(node.content)
  }
  return text
}

function headingLevel(node: JsonNode): number {
  const level = node.attrs?.level
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1
}
