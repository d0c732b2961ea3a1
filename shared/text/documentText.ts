/**
 * Plain text of a statement document in ProseMirror JSON form, as the server
 * returns it for `format=text` and as word counts read it. Blocks (paragraphs,
 * headings, list items, quotes) are separated by a blank line; a hard break is
 * a newline; list items keep a "- " or "1. " marker so the text reads as written.
 *
 * The exact, fingerprinted canonical form is defined separately (see the README)
 * so that presentation changes here never change a signed fingerprint.
 */
export interface JsonNode {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
  marks?: unknown[]
}

const LIST_TYPES = new Set(['bulletList', 'orderedList'])

export function documentToText(doc: JsonNode): string {
  const blocks: string[] = []
  collectBlocks(doc.content ?? [], '', blocks)
  return blocks.join('\n\n')
}

function collectBlocks(nodes: JsonNode[], prefix: string, out: string[]): void {
  for (const node of nodes) {
    if (LIST_TYPES.has(node.type)) {
      const ordered = node.type === 'orderedList'
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
      ;(node.content ?? []).forEach((item, index) => {
        const marker = ordered ? `${start + index}. ` : '- '
        collectBlocks(item.content ?? [], prefix + marker, out)
      })
    } else if (node.type === 'blockquote' || node.type === 'listItem') {
      collectBlocks(node.content ?? [], prefix, out)
    } else if (node.type === 'horizontalRule') {
      out.push(prefix + '---')
    } else {
      out.push(prefix + inlineText(node))
    }
    // Only the first block of a list item carries the marker.
    prefix = prefix.replace(/[^\s]/g, ' ')
  }
}

function inlineText(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(inlineText).join('')
}
