import { describe, expect, it } from 'vitest'
import { canonicalText } from './canonicalText.js'
import type { JsonNode } from './documentText.js'
import { countWords } from './wordCount.js'
import { diffTexts, type TextChange, type TextDiff } from './wordDiff.js'

const eq = (text: string): TextChange => ({ op: 'equal', text })
const ins = (text: string): TextChange => ({ op: 'insert', text })
const del = (text: string): TextChange => ({ op: 'delete', text })

/** The invariants every diff keeps, whatever the input. */
function expectWellFormed(from: string, to: string, diff: TextDiff): void {
  const { changes, stats } = diff
  expect(changes.filter((c) => c.op !== 'insert').map((c) => c.text).join('')).toBe(from)
  expect(changes.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe(to)
  for (const [index, change] of changes.entries()) {
    expect(change.text).not.toBe('')
    const next = changes[index + 1]
    if (next) {
      expect(next.op).not.toBe(change.op)
      // Within a run of changes the deletion comes first.
      expect([change.op, next.op]).not.toEqual(['insert', 'delete'])
    }
  }
  const words = (op: string) => changes.filter((c) => c.op === op).reduce((sum, c) => sum + countWords(c.text), 0)
  expect(stats).toEqual({ wordsAdded: words('insert'), wordsRemoved: words('delete') })
}

function diff(from: string, to: string): TextDiff {
  const result = diffTexts(from, to)
  expectWellFormed(from, to, result)
  return result
}

describe('diffTexts in a paragraph', () => {
  it('replaces one word', () => {
    expect(diff('The Chair opened the session.', 'The Chair closed the session.')).toEqual({
      changes: [eq('The Chair '), del('opened'), ins('closed'), eq(' the session.')],
      stats: { wordsAdded: 1, wordsRemoved: 1 },
    })
  })

  it('inserts and deletes words', () => {
    expect(diff('Para one ends.', 'Para one ends here.')).toEqual({
      changes: [eq('Para one ends'), ins(' here'), eq('.')],
      stats: { wordsAdded: 1, wordsRemoved: 0 },
    })
    expect(diff('We call on all States.', 'We call on States.')).toEqual({
      changes: [eq('We call on '), del('all '), eq('States.')],
      stats: { wordsAdded: 0, wordsRemoved: 1 },
    })
  })

  it('shows a replacement of several words as one change, not word by word around kept spaces', () => {
    expect(diff('We call on States to act.', 'We urge States to act now.')).toEqual({
      changes: [eq('We '), del('call on '), ins('urge '), eq('States to act'), ins(' now'), eq('.')],
      stats: { wordsAdded: 2, wordsRemoved: 2 },
    })
    expect(diff('alpha beta gamma', 'delta epsilon zeta')).toEqual({
      changes: [del('alpha beta gamma'), ins('delta epsilon zeta')],
      stats: { wordsAdded: 3, wordsRemoved: 3 },
    })
  })

  it('keeps a change in the middle paragraph inside that paragraph', () => {
    const from = 'First para.\nSecond para with words.\nThird.'
    expect(diff(from, 'First para.\nSecond para with more words.\nThird.')).toEqual({
      changes: [eq('First para.\nSecond para with '), ins('more '), eq('words.\nThird.')],
      stats: { wordsAdded: 1, wordsRemoved: 0 },
    })
    expect(diff('One two\nThree four', 'One five\nSix four').changes).toEqual([
      eq('One '),
      del('two'),
      ins('five'),
      eq('\n'),
      del('Three'),
      ins('Six'),
      eq(' four'),
    ])
  })

  it('keeps an edit at the end of one paragraph apart from the deletion of the next', () => {
    expect(diff('p1 end\np2\np3', 'p1\np3').changes).toEqual([eq('p1'), del(' end'), eq('\n'), del('p2\n'), eq('p3')])
  })

  it('shows a paragraph split or join as the line break it is', () => {
    expect(diff('a b\nc d', 'a b c d')).toEqual({ changes: [eq('a b'), del('\n'), ins(' '), eq('c d')], stats: { wordsAdded: 0, wordsRemoved: 0 } })
  })

  it('inserts and deletes whole paragraphs', () => {
    expect(diff('a\nb', 'a\nx\nb').changes).toEqual([eq('a\n'), ins('x\n'), eq('b')])
    expect(diff('x\nsame\nsame\ny', 'x\nsame\ny').changes).toEqual([eq('x\nsame\n'), del('same\n'), eq('y')])
    expect(diff('a\nb', 'a').changes).toEqual([eq('a'), del('\nb')])
  })
})

describe('diffTexts in lists', () => {
  it('changes one item', () => {
    expect(diff('- Alpha\n- Beta', '- Alpha\n- Gamma')).toEqual({
      changes: [eq('- Alpha\n- '), del('Beta'), ins('Gamma')],
      stats: { wordsAdded: 1, wordsRemoved: 1 },
    })
  })

  it('deletes and inserts whole items, marker included', () => {
    expect(diff('- A\n- B\n- C', '- A\n- C').changes).toEqual([eq('- A\n'), del('- B\n'), eq('- C')])
    expect(diff('- A\n- C', '- A\n- B\n- C').changes).toEqual([eq('- A\n'), ins('- B\n'), eq('- C')])
  })

  it('deletes a nested item as one whole line', () => {
    expect(diff('Intro\n- A\n  - A1\n  - A2\n- B', 'Intro\n- A\n  - A1\n- B')).toEqual({
      changes: [eq('Intro\n- A\n  - A1\n'), del('  - A2\n'), eq('- B')],
      stats: { wordsAdded: 0, wordsRemoved: 1 },
    })
  })

  it('edits one item and appends another', () => {
    const from = '- Welcome the report.\n- Urge States to ratify.'
    const to = '- Welcome the report.\n- Urge all States to ratify.\n- Call for funding.'
    expect(diff(from, to)).toEqual({
      changes: [eq('- Welcome the report.\n- Urge '), ins('all '), eq('States to ratify.'), ins('\n- Call for funding.')],
      stats: { wordsAdded: 4, wordsRemoved: 0 },
    })
  })

  it('shows renumbering as a change, and counts the number as a word as the word count does', () => {
    expect(diff('1. First\n2. Second\n3. Third', '1. First\n2. Third')).toEqual({
      changes: [eq('1. First\n2. '), del('Second\n3. '), eq('Third')],
      stats: { wordsAdded: 0, wordsRemoved: 2 },
    })
  })
})

describe('diffTexts in headings and quotes', () => {
  it('changes heading words, keeping the prefix equal', () => {
    expect(diff('## Title\nBody', '## New title\nBody')).toEqual({
      changes: [eq('## '), del('Title'), ins('New title'), eq('\nBody')],
      stats: { wordsAdded: 2, wordsRemoved: 1 },
    })
  })

  it('shows a level change or a heading turned paragraph as a change of the prefix only', () => {
    expect(diff('## Title\nBody', '### Title\nBody')).toEqual({
      changes: [eq('##'), ins('#'), eq(' Title\nBody')],
      stats: { wordsAdded: 0, wordsRemoved: 0 },
    })
    expect(diff('## Title\nBody', 'Title\nBody').changes).toEqual([del('## '), eq('Title\nBody')])
  })

  it('changes quoted words', () => {
    expect(diff('> quoted text here', '> quoted words here').changes).toEqual([eq('> quoted '), del('text'), ins('words'), eq(' here')])
  })
})

describe('diffTexts in other scripts', () => {
  it('diffs Cyrillic by whole words (jsdiff alone would diff letter by letter)', () => {
    expect(diff('Мы призываем государства', 'Мы просим государства')).toEqual({
      changes: [eq('Мы '), del('призываем'), ins('просим'), eq(' государства')],
      stats: { wordsAdded: 1, wordsRemoved: 1 },
    })
  })

  it('diffs Arabic by whole words', () => {
    expect(diff('ندعو الدول إلى العمل', 'نحث الدول على العمل').changes).toEqual([
      del('ندعو'),
      ins('نحث'),
      eq(' الدول '),
      del('إلى'),
      ins('على'),
      eq(' العمل'),
    ])
  })

  it('diffs Chinese character by character', () => {
    expect(diff('我们呼吁各国采取行动', '我们敦促各国采取行动').changes).toEqual([eq('我们'), del('呼吁'), ins('敦促'), eq('各国采取行动')])
  })

  it('keeps a letter and its combining mark together', () => {
    expect(diff('cafe', 'cafe\u0301').changes).toEqual([del('cafe'), ins('cafe\u0301')])
  })
})

describe('diffTexts edge cases', () => {
  it('has no changes for two empty texts, and one equal change for equal texts', () => {
    expect(diff('', '')).toEqual({ changes: [], stats: { wordsAdded: 0, wordsRemoved: 0 } })
    expect(diff('Same\ntext', 'Same\ntext')).toEqual({ changes: [eq('Same\ntext')], stats: { wordsAdded: 0, wordsRemoved: 0 } })
  })

  it('inserts or deletes everything from or to an empty text', () => {
    expect(diff('', 'Hello world')).toEqual({ changes: [ins('Hello world')], stats: { wordsAdded: 2, wordsRemoved: 0 } })
    expect(diff('Hello world', '')).toEqual({ changes: [del('Hello world')], stats: { wordsAdded: 0, wordsRemoved: 2 } })
  })

  it('diffs two canonical texts of documents, ignoring formatting', () => {
    const para = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content })
    const t = (text: string, bold = false): JsonNode => (bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text })
    const before = canonicalText({ type: 'doc', content: [para(t('We '), t('welcome', true), t(' the report.'))] })
    const after = canonicalText({ type: 'doc', content: [para(t('We welcome the '), t('final', true), t(' report.'))] })
    expect(diff(before, after).changes).toEqual([eq('We welcome the '), ins('final '), eq('report.')])
  })
})

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const VOCABULARY = ['the', 'States', 'victims', 'report', 'Chair,', 'of', '2030', 'state-of-the-art', 'призываем', 'الدول', '我们', 'n’est', '—', '(a)', 'é', 'a', '-']
const PREFIXES = ['', '', '', '- ', '  - ', '1. ', '12. ', '## ', '> ']

function randomLine(next: () => number): string[] {
  const words = Array.from({ length: 1 + Math.floor(next() * 6) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)] as string)
  return [PREFIXES[Math.floor(next() * PREFIXES.length)] as string, ...words]
}
const render = (lines: string[][]): string => lines.map(([prefix, ...words]) => prefix + words.join(' ')).join('\n')
const pick = <T,>(next: () => number, items: T[]): T => items[Math.floor(next() * items.length)] as T

describe('diffTexts on random edits', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i)

  it.each(seeds)('rebuilds both texts and counts words consistently (seed %i)', (seed) => {
    const next = random(seed)
    for (let round = 0; round < 20; round += 1) {
      const lines = Array.from({ length: Math.floor(next() * 6) }, () => randomLine(next))
      const edited = lines.map((line) => [...line])
      for (let edits = Math.floor(next() * 4); edits > 0; edits -= 1) {
        const kind = next()
        if (kind < 0.2) edited.splice(Math.floor(next() * (edited.length + 1)), 0, randomLine(next))
        else if (kind < 0.35 && edited.length > 0) edited.splice(Math.floor(next() * edited.length), 1)
        else if (edited.length > 0) {
          const line = pick(next, edited)
          line.splice(1 + Math.floor(next() * (line.length - 1)), next() < 0.5 ? 1 : 0, pick(next, VOCABULARY))
          if (line.length === 1) line.push('again')
        }
      }
      diff(render(lines), render(edited))
    }
  })

  it.each(seeds)('keeps edits inside one line within that line (seed %i)', (seed) => {
    const next = random(seed)
    for (let round = 0; round < 20; round += 1) {
      const lines = Array.from({ length: 2 + Math.floor(next() * 5) }, () => randomLine(next))
      const edited = lines.map((line) => [...line])
      const line = pick(next, edited)
      const at = 1 + Math.floor(next() * (line.length - 1))
      if (next() < 0.5 || line.length === 2) line.splice(at, next() < 0.5 ? 1 : 0, pick(next, VOCABULARY))
      else line.splice(at, 1)
      const { changes } = diff(render(lines), render(edited))
      for (const change of changes.filter((c) => c.op !== 'equal')) {
        expect(change.text, `seed ${seed}, round ${round}: ${JSON.stringify(changes)}`).not.toContain('\n')
      }
    }
  })
})
