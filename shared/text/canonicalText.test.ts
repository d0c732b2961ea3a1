import { describe, expect, it } from 'vitest'
import { canonicalText } from './canonicalText.js'
import type { JsonNode } from './documentText.js'

const text = (value: string, marks?: unknown[]): JsonNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const p = (...content: (string | JsonNode)[]): JsonNode => ({
  type: 'paragraph',
  content: content.map((part) => (typeof part === 'string' ? text(part) : part)),
})
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })
const heading = (level: unknown, value: string): JsonNode => ({ type: 'heading', attrs: { level }, content: [text(value)] })
const item = (...content: JsonNode[]): JsonNode => ({ type: 'listItem', content })
const bullets = (...items: JsonNode[]): JsonNode => ({ type: 'bulletList', content: items })
const numbered = (start: unknown, ...items: JsonNode[]): JsonNode => ({ type: 'orderedList', attrs: { start }, content: items })
const quote = (...content: JsonNode[]): JsonNode => ({ type: 'blockquote', content })
const hardBreak: JsonNode = { type: 'hardBreak' }

describe('canonicalText', () => {
  it('gives one line per block, joined by LF, with no trailing newline', () => {
    expect(canonicalText(doc(p('One'), p('Two'), p('Three')))).toBe('One\nTwo\nThree')
  })

  it('is empty for an empty document, one without content, or one of empty paragraphs', () => {
    expect(canonicalText(doc())).toBe('')
    expect(canonicalText({ type: 'doc' })).toBe('')
    expect(canonicalText(doc(p(), p(''), p('   '), p('\u00a0', hardBreak)))).toBe('')
  })

  it('drops empty paragraphs between others', () => {
    expect(canonicalText(doc(p('A'), p(), p(' \t '), p('B')))).toBe('A\nB')
  })

  it('prefixes headings with # × level and a space', () => {
    expect(canonicalText(doc(heading(1, 'Title'), heading(2, 'Part'), heading(6, 'Small')))).toBe('# Title\n## Part\n###### Small')
  })

  it('treats a missing or impossible heading level as 1', () => {
    expect(canonicalText(doc(heading(undefined, 'A'), heading(0, 'B'), heading(7, 'C'), heading('2', 'D'), heading(2.5, 'E')))).toBe(
      '# A\n# B\n# C\n# D\n# E',
    )
  })

  it('drops an empty heading together with its prefix', () => {
    expect(canonicalText(doc(heading(2, '  '), p('Body')))).toBe('Body')
  })

  it('ignores marks: bold, italic, links and their targets, inline code', () => {
    const plain = doc(p('We urge all States to act.'))
    const marked = doc(
      p(
        'We ',
        text('urge', [{ type: 'bold' }]),
        ' ',
        text('all', [{ type: 'italic' }, { type: 'underline' }]),
        ' ',
        text('States', [{ type: 'link', attrs: { href: 'https://example.org' } }]),
        ' to ',
        text('act', [{ type: 'code' }]),
        '.',
      ),
    )
    expect(canonicalText(marked)).toBe(canonicalText(plain))
    expect(canonicalText(marked)).toBe('We urge all States to act.')
  })

  it('turns a hard break into one space, collapsed with the spaces around it', () => {
    expect(canonicalText(doc(p('Madam Chair,', hardBreak, 'we')))).toBe('Madam Chair, we')
    expect(canonicalText(doc(p('Madam Chair, ', hardBreak, ' we')))).toBe('Madam Chair, we')
    expect(canonicalText(doc(p(hardBreak, 'Start', hardBreak, hardBreak, 'end', hardBreak)))).toBe('Start end')
  })

  it('collapses every run of whitespace to one space and trims each block', () => {
    expect(canonicalText(doc(p('  Several    spaces\tand\t\ttabs  ')))).toBe('Several spaces and tabs')
    expect(canonicalText(doc(p('No\u00a0break, em\u2003space, ideographic\u3000space, narrow\u202fno-break')))).toBe(
      'No break, em space, ideographic space, narrow no-break',
    )
    expect(canonicalText(doc(p('line\u2028separator, \r\n CRLF, \ufeff BOM')))).toBe(
      'line separator, CRLF, BOM',
    )
  })

  it('makes NBSP and a plain space the same text', () => {
    expect(canonicalText(doc(p('Crime\u00a0prevention')))).toBe(canonicalText(doc(p('Crime prevention'))))
  })

  it('keeps characters that are not whitespace: zero-width space and NEL', () => {
    expect(canonicalText(doc(p('a\u200bb\u0085c')))).toBe('a\u200bb\u0085c')
  })

  it('normalises to NFC: a decomposed é equals the precomposed one', () => {
    const decomposed = canonicalText(doc(p('Re\u0301seau des victimes')))
    expect(decomposed).toBe('Réseau des victimes')
    expect(decomposed).toBe(canonicalText(doc(p('R\u00e9seau des victimes'))))
    expect(decomposed.length).toBe('Réseau des victimes'.normalize('NFC').length)
  })

  it('replaces a lone surrogate with U+FFFD, as a UTF-8 encoder would', () => {
    expect(canonicalText(doc(p('half \ud83d emoji')))).toBe('half \ufffd emoji')
    expect(canonicalText(doc(p('whole \ud83d\udc4d emoji')))).toBe('whole 👍 emoji')
  })

  it('marks bullet items with "- "', () => {
    expect(canonicalText(doc(bullets(item(p('First')), item(p('Second')))))).toBe('- First\n- Second')
  })

  it('numbers ordered items from attrs.start, by default from 1', () => {
    expect(canonicalText(doc(numbered(3, item(p('Third')), item(p('Fourth')))))).toBe('3. Third\n4. Fourth')
    expect(canonicalText(doc({ type: 'orderedList', content: [item(p('One')), item(p('Two'))] }))).toBe('1. One\n2. Two')
    expect(canonicalText(doc(numbered(0, item(p('Zero')))))).toBe('0. Zero')
  })

  it('numbers from 1 when attrs.start is not an integer', () => {
    expect(canonicalText(doc(numbered('5', item(p('A')))))).toBe('1. A')
    expect(canonicalText(doc(numbered(Number.NaN, item(p('A')))))).toBe('1. A')
    expect(canonicalText(doc(numbered(2.5, item(p('A')))))).toBe('1. A')
  })

  it('ignores the ordered list style: numbers are always decimal', () => {
    expect(canonicalText(doc({ type: 'orderedList', attrs: { start: 1, type: 'i' }, content: [item(p('A'))] }))).toBe('1. A')
  })

  it('drops an empty item but keeps the numbers of the items after it, as the editor shows them', () => {
    expect(canonicalText(doc(numbered(1, item(p('One')), item(p()), item(p('Three')))))).toBe('1. One\n3. Three')
    expect(canonicalText(doc(bullets(item(p('  ')), item(p('Kept')))))).toBe('- Kept')
  })

  it('indents nested list items by two spaces per level', () => {
    const nested = doc(
      bullets(
        item(p('Level one'), bullets(item(p('Level two'), numbered(1, item(p('Level three')), item(p('Also three')))), item(p('Two again')))),
        item(p('One again')),
      ),
    )
    expect(canonicalText(nested)).toBe('- Level one\n  - Level two\n    1. Level three\n    2. Also three\n  - Two again\n- One again')
  })

  it('indents the further paragraphs of an item by two spaces, without a marker', () => {
    expect(canonicalText(doc(numbered(9, item(p('Ninth'), p('more about it')), item(p('Tenth')))))).toBe('9. Ninth\n  more about it\n10. Tenth')
  })

  it('puts the marker on the first line the item actually has', () => {
    expect(canonicalText(doc(bullets(item(p(), p('Real first')))))).toBe('- Real first')
  })

  it('prefixes every line of a blockquote with "> ", nested quotes and lists included', () => {
    expect(canonicalText(doc(quote(p('One'), p('Two'))))).toBe('> One\n> Two')
    expect(canonicalText(doc(quote(p('Outer'), quote(p('Inner')))))).toBe('> Outer\n> > Inner')
    expect(canonicalText(doc(quote(bullets(item(p('A'), bullets(item(p('B'))))))))).toBe('> - A\n>   - B')
    expect(canonicalText(doc(bullets(item(quote(p('Quoted'), p('lines'))))))).toBe('- > Quoted\n  > lines')
  })

  it('writes a horizontal rule as "---"', () => {
    expect(canonicalText(doc(p('Above'), { type: 'horizontalRule' }, p('Below')))).toBe('Above\n---\nBelow')
  })

  it('collapses whitespace in code blocks too: one line per code block', () => {
    const code: JsonNode = { type: 'codeBlock', attrs: { language: 'text' }, content: [text('first  line\n    indented\n\nlast\n')] }
    expect(canonicalText(doc(code))).toBe('first line indented last')
  })

  it('gives an unknown block its text content as one line, and an unknown inline node its text', () => {
    const table: JsonNode = { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('A '), p(' B')] }] }] }
    const mention: JsonNode = { type: 'mention', attrs: { id: 'u1' }, content: [text('@Chair')] }
    const image: JsonNode = { type: 'image', attrs: { src: 'x.png' } }
    expect(canonicalText(doc(p('Before'), table, p('Thanks ', mention, image, ' all'), p('After')))).toBe('Before\nA B\nThanks @Chair all\nAfter')
  })

  it('glues the text of an unknown block together without separators (a new block type needs its own rule)', () => {
    expect(canonicalText(doc({ type: 'details', content: [p('Summary'), p('Body')] }))).toBe('SummaryBody')
  })

  it('accepts any root node, and a list item outside a list has no marker', () => {
    expect(canonicalText(p('  Just a paragraph '))).toBe('Just a paragraph')
    expect(canonicalText(heading(3, 'Heading'))).toBe('### Heading')
    expect(canonicalText(doc(item(p('Stray item'))))).toBe('Stray item')
    expect(canonicalText(doc(text('stray text')))).toBe('stray text')
  })
})
