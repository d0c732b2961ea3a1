/**
 * The canonical text (shared/text/canonicalText.ts) read back as blocks for the
 * DOCX and PDF exports: what is signed is that text, so the documents show it
 * line for line, with the markers the text has ("- ", "1. ") left in place.
 */
export type StatementBlock =
  | { kind: 'heading'; level: number; text: string }
  /** `indent`: list nesting (two spaces a level) plus quote depth ("> "). */
  | { kind: 'paragraph'; indent: number; text: string }
  | { kind: 'rule' }

const HEADING = /^(#{1,6}) (.*)$/

export function statementBlocks(text: string): StatementBlock[] {
  if (text === '') return []
  return text.split('\n').map(block)
}

function block(line: string): StatementBlock {
  if (line === '---') return { kind: 'rule' }
  let rest = line
  let indent = 0
  while (rest.startsWith('  ') || rest.startsWith('> ')) {
    rest = rest.slice(2)
    indent += 1
  }
  // A heading inside a list or quote stays a paragraph there: it cannot be a document heading.
  const heading = indent === 0 ? HEADING.exec(rest) : null
  if (heading?.[1] && heading[2] !== undefined) return { kind: 'heading', level: heading[1].length, text: heading[2] }
  return { kind: 'paragraph', indent, text: rest }
}
