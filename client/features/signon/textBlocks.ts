/**
 * The locked text as the public sign-on page shows it, read from its canonical
 * text (README, "Canonical text and fingerprint"): one line per block. The page
 * shows exactly the words the fingerprint identifies, so it never renders the
 * server's HTML. Lines keep their list numbers, bullets and quote marks as
 * written; only two things become layout: a heading's leading #s and the two
 * spaces per level that indent a list item's later lines.
 */
export type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'rule' }
  | { kind: 'line'; indent: number; text: string }

const HEADING = /^(#{1,6}) (.+)$/

export function textBlocks(text: string): TextBlock[] {
  if (text === '') return []
  return text.split('\n').map((line): TextBlock => {
    const heading = HEADING.exec(line)
    if (heading) return { kind: 'heading', level: heading[1]!.length, text: heading[2]! }
    if (line === '---') return { kind: 'rule' }
    // Canonical lines never start with a space of their own (rule 3 trims them): leading spaces are nesting.
    const leading = /^ */.exec(line)![0].length
    return { kind: 'line', indent: Math.floor(leading / 2), text: line.slice(leading) }
  })
}
