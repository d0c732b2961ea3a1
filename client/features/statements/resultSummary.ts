/** The statements list's answer to one search: which query it is for, and what came back. */
export interface SearchResult<T> {
  query: string
  statements: T[]
}

/** "3 statements", "1 statement matches “CCPCJ”", "No statements match “x”.". */
export function resultSummary(count: number, query: string): string {
  if (query === '') return count === 0 ? 'There are no statements yet.' : `${count} ${count === 1 ? 'statement' : 'statements'}`
  if (count === 0) return `No statements match “${query}”.`
  return `${count} ${count === 1 ? 'statement matches' : 'statements match'} “${query}”`
}

/**
 * What the summary says while the list may still show an older search's results:
 * a count only ever appears next to the query it was counted for, so a new search
 * term never stands beside the previous search's number.
 */
export function searchSummary(shown: SearchResult<unknown>, query: string): string {
  if (shown.query !== query) return query === '' ? 'Loading all statements…' : `Searching for “${query}”…`
  return resultSummary(shown.statements.length, shown.query)
}
