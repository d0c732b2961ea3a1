import { describe, expect, it } from 'vitest'
import { countDocumentWords, documentToText, type JsonNode } from './documentText.js'

const p = (text: string): JsonNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })

describe('documentToText', () => {
  it('separates blocks with a blank line and keeps headings as text', () => {
    const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] }, p('One'), p('Two')] }
    expect(documentToText(doc)).toBe('Title\n\nOne\n\nTwo')
  })

  it('leaves out list numbers and bullets, which are not words the speaker reads', () => {
    const item = (text: string): JsonNode => ({ type: 'listItem', content: [p(text)] })
    const doc = {
      type: 'doc',
      content: [
        { type: 'orderedList', attrs: { start: 3 }, content: [item('Third'), item('Fourth')] },
        { type: 'bulletList', content: [item('Dot')] },
      ],
    }
    expect(documentToText(doc)).toBe('Third\n\nFourth\n\nDot')
    expect(countDocumentWords(doc)).toBe(3)
  })

  it('turns hard breaks into newlines and ignores marks', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'B' }] }] }
    expect(documentToText(doc)).toBe('A\nB')
  })

  it('is empty for an empty document', () => {
    expect(documentToText({ type: 'doc', content: [p('')] })).toBe('')
  })
})
