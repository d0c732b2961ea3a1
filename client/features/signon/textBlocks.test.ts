import { describe, expect, it } from 'vitest'
import { textBlocks } from './textBlocks.js'

describe('textBlocks', () => {
  it('reads the README example line by line', () => {
    const text = [
      '## Joint statement on victims’ rights',
      'Madam Chair, we welcome the report.',
      '1. Ratify the Convention;',
      '  - without reservations.',
      '2. Fund victim support.',
      '> Nothing about us without us.',
    ].join('\n')
    expect(textBlocks(text)).toEqual([
      { kind: 'heading', level: 2, text: 'Joint statement on victims’ rights' },
      { kind: 'line', indent: 0, text: 'Madam Chair, we welcome the report.' },
      { kind: 'line', indent: 0, text: '1. Ratify the Convention;' },
      { kind: 'line', indent: 1, text: '- without reservations.' },
      { kind: 'line', indent: 0, text: '2. Fund victim support.' },
      { kind: 'line', indent: 0, text: '> Nothing about us without us.' },
    ])
  })

  it('shows nothing for the empty text and keeps a horizontal rule', () => {
    expect(textBlocks('')).toEqual([])
    expect(textBlocks('A\n---\nB').map((block) => block.kind)).toEqual(['line', 'rule', 'line'])
  })

  it('keeps markup-like text that is not a heading as written', () => {
    expect(textBlocks('#hashtag and ####### seven')).toEqual([{ kind: 'line', indent: 0, text: '#hashtag and ####### seven' }])
    expect(textBlocks('<b>not html</b>')).toEqual([{ kind: 'line', indent: 0, text: '<b>not html</b>' }])
  })
})
