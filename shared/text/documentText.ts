import { countWords } from './wordCount.js'

/**
 * The words of a statement as its limits count them: the text of every block
 * (paragraphs, headings, list items, quotes), blocks separated by a blank line,
 * a hard break as a newline. List numbers, bullets and heading marks are
 * presentation, not words the speaker reads, so they are left out (a word
 * processor does not count automatic numbering either).
 *
 * The fingerprinted canonical text, which keeps those markers so that a changed
 * structure changes the fingerprint, is in canonicalText.ts.
 */
export interface JsonNode {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
  marks?: unknown[]
}

const CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote'])

export function documentToText(doc: JsonNode): string {
  const blocks: string[] = []
  collectBlocks(doc.content ?? [], blocks)
  return blocks.join('\n\n')
}

/** The word count shown in the editor, stored with versions and compared with the word limit. */
export function countDocumentWords(doc: JsonNode): number {
  return countWords(documentToText(doc))
}

function collectBlocks(nodes: JsonNode[], out: string[]): void {
  for (const node of nodes) {
    if (CONTAINERS.has(node.type)) collectBlocks(node.content ?? [], out)
    else if (node.type !== 'horizontalRule') out.push(inlineText(node))
  }
}

function inlineText(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(inlineText).join('')
}
