import { describe, expect, it } from 'vitest'
import { diffTexts } from '../../../shared/text/wordDiff.js'
import { diffParagraphs, diffStatsText } from './diffParagraphs.js'

/** A compact picture of the paragraphs: [-deleted-] and {+inserted+}, a ¶ marker for a changed break. */
function picture(from: string, to: string): string[] {
  return diffParagraphs(diffTexts(from, to).changes).map(
    (paragraph) =>
      `${paragraph.kind}: ` +
      paragraph.segments.map(({ op, text }) => (op === 'insert' ? `{+${text}+}` : op === 'delete' ? `[-${text}-]` : text)).join('') +
      (paragraph.breakAfter === 'insert' ? '{+¶+}' : paragraph.breakAfter === 'delete' ? '[-¶-]' : ''),
  )
}

describe('diffParagraphs', () => {
  it('keeps a change inside its paragraph', () => {
    expect(picture('We call on States.\nSecond paragraph.', 'We urge States.\nSecond paragraph.')).toEqual([
      'mixed: We [-call on -]{+urge +}States.',
      'equal: Second paragraph.',
    ])
  })

  it('shows a removed or added block as a whole line, without a break marker', () => {
    expect(picture('- A\n- B\n- C', '- A\n- C')).toEqual(['equal: - A', 'delete: [-- B-]', 'equal: - C'])
    expect(picture('One.', 'One.\nTwo.')).toEqual(['equal: One.', 'insert: {+Two.+}'])
    expect(picture('One.\nTwo.', 'Two.')).toEqual(['delete: [-One.-]', 'equal: Two.'])
  })

  it('marks a paragraph split in two', () => {
    expect(picture('First half second half', 'First half\nsecond half')).toEqual(['mixed: First half[- -]{+¶+}', 'equal: second half'])
  })

  it('splits a multi-line change across the paragraphs it touches', () => {
    const paragraphs = diffParagraphs([
      { op: 'equal', text: 'Keep ' },
      { op: 'delete', text: 'old\nlines' },
      { op: 'insert', text: 'new' },
      { op: 'equal', text: '\nEnd' },
    ])
    expect(paragraphs.map((p) => p.segments)).toEqual([
      [
        { op: 'equal', text: 'Keep ' },
        { op: 'delete', text: 'old' },
      ],
      [
        { op: 'delete', text: 'lines' },
        { op: 'insert', text: 'new' },
      ],
      [{ op: 'equal', text: 'End' }],
    ])
    expect(paragraphs[0]?.breakAfter).toBe('delete')
  })

  it('keeps every character of both texts', () => {
    const from = '## Title\n- item one\n  - nested\n1. first'
    const to = '## New title\n- item one\n1. first\n2. second'
    const paragraphs = diffParagraphs(diffTexts(from, to).changes)
    const side = (skip: 'insert' | 'delete') =>
      paragraphs.map((p) => p.segments.filter((s) => s.op !== skip).map((s) => s.text).join('')).filter((line) => line !== '')
    expect(side('insert')).toEqual(from.split('\n'))
    expect(side('delete')).toEqual(to.split('\n'))
  })

  it('has nothing to show for two empty texts', () => {
    expect(diffParagraphs([])).toEqual([])
  })
})

describe('diffStatsText', () => {
  it('counts with a real minus sign and singulars', () => {
    expect(diffStatsText({ wordsAdded: 12, wordsRemoved: 1 })).toBe('+12 words, \u22121 word')
    expect(diffStatsText({ wordsAdded: 1500, wordsRemoved: 0 })).toBe('+1,500 words, \u22120 words')
  })
})
