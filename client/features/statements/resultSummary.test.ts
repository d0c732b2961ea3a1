import { describe, expect, it } from 'vitest'
import { resultSummary, searchSummary } from './resultSummary.js'

describe('resultSummary', () => {
  it.each([
    [0, '', 'There are no statements yet.'],
    [1, '', '1 statement'],
    [4, '', '4 statements'],
    [0, 'UNTOC', 'No statements match “UNTOC”.'],
    [1, 'UNTOC', '1 statement matches “UNTOC”'],
    [2, 'UNTOC', '2 statements match “UNTOC”'],
  ])('%i for %j is %j', (count, query, expected) => {
    expect(resultSummary(count, query)).toBe(expected)
  })
})

describe('searchSummary', () => {
  const shown = { query: 'CCPCJ', statements: [1, 2, 3] }

  it('counts the results for the query they answer', () => {
    expect(searchSummary(shown, 'CCPCJ')).toBe('3 statements match “CCPCJ”')
  })

  it('never puts the previous count next to a new search term', () => {
    expect(searchSummary(shown, 'Congress')).toBe('Searching for “Congress”…')
    expect(searchSummary(shown, '')).toBe('Loading all statements…')
  })
})
