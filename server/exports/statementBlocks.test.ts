import { describe, expect, it } from 'vitest'
import { exportFilename } from './signoffDocument.js'
import { statementBlocks } from './statementBlocks.js'
import { makeSignoffDocument } from './testSignoffDocument.js'
import { formatUtcTime } from './utcTime.js'

describe('statementBlocks', () => {
  it('reads headings, paragraphs with list markers, nesting, quotes and rules back from the canonical text', () => {
    expect(statementBlocks(['## Title', 'Text.', '1. First;', '  - nested', '    1. deeper', '> Quoted', '>   - item in a quote', '- > quote in an item', '---', '###### Six', '####### Seven'].join('\n'))).toEqual([
      { kind: 'heading', level: 2, text: 'Title' },
      { kind: 'paragraph', indent: 0, text: 'Text.' },
      { kind: 'paragraph', indent: 0, text: '1. First;' },
      { kind: 'paragraph', indent: 1, text: '- nested' },
      { kind: 'paragraph', indent: 2, text: '1. deeper' },
      { kind: 'paragraph', indent: 1, text: 'Quoted' },
      { kind: 'paragraph', indent: 2, text: '- item in a quote' },
      { kind: 'paragraph', indent: 0, text: '- > quote in an item' },
      { kind: 'rule' },
      { kind: 'heading', level: 6, text: 'Six' },
      { kind: 'paragraph', indent: 0, text: '####### Seven' },
    ])
  })

  it('keeps a heading inside a quote as a paragraph, and reads nothing from the empty text', () => {
    expect(statementBlocks('> ## Not a document heading')).toEqual([{ kind: 'paragraph', indent: 1, text: '## Not a document heading' }])
    expect(statementBlocks('')).toEqual([])
  })
})

describe('formatUtcTime', () => {
  it('writes UTC in English, whatever the offset given', () => {
    expect(formatUtcTime('2025-05-01T14:03:27.000Z')).toBe('1 May 2025, 14:03 UTC')
    expect(formatUtcTime('2025-12-31T23:30:00-02:00')).toBe('1 January 2026, 01:30 UTC')
    expect(formatUtcTime('not a date')).toBe('not a date')
  })
})

describe('exportFilename', () => {
  it('is ASCII, named after the title and version', () => {
    expect(exportFilename(makeSignoffDocument({ statement: { title: 'Déclaration « commune » / CCPCJ 34', versionNumber: 2 } }), 'pdf')).toBe('declaration-commune-ccpcj-34-v2-signoff.pdf')
    expect(exportFilename(makeSignoffDocument({ statement: { title: 'Заявление' } }), 'csv')).toBe('statement-v7-signoff.csv')
  })
})
