import { describe, expect, it } from 'vitest'
import { countWords } from './wordCount.js'

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Madam Chair,', 2],
    ['state-of-the-art', 1],
    ['The 2030 Agenda', 3],
    ['word – word', 2],
    ['“Quoted” (words).', 2],
    ['UNTOC/COP.11', 1],
    ['Crime\u00a0prevention', 2],
    ['Ceci n’est pas', 3],
    ['إعلان كيوتو', 2],
    ['—', 0],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected)
  })
})
