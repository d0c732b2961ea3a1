import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { StatementDto } from '../../../shared/api/dto.js'
import { canCreateStatement } from '../../../shared/domain/permissions.js'
import { statementsApi } from '../../http/statements.js'
import { useResource } from '../../http/useResource.js'
import { useMe } from '../../app/SessionContext.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { NewStatementPanel } from './NewStatementPanel.js'
import { StatementTable } from './StatementTable.js'
import { searchSummary, type SearchResult } from './resultSummary.js'
import { useDebouncedValue } from './useDebouncedValue.js'

const SEARCH_DELAY_MS = 300

export function StatementsPage() {
  useDocumentTitle('Statements')
  const { user } = useMe()
  const [searchParams, setSearchParams] = useSearchParams()
  const query = searchParams.get('q') ?? ''
  const [input, setInput] = useState(query)
  const debouncedInput = useDebouncedValue(input, SEARCH_DELAY_MS)
  // `?new=1&meetingId=…`: the dashboard's "Start a statement for …" opens the form with the meeting chosen.
  const [creating, setCreating] = useState(() => searchParams.get('new') === '1' && canCreateStatement(user))
  const [initialMeetingId] = useState(() => searchParams.get('meetingId') ?? undefined)

  // The query string is the source of truth, so a search can be bookmarked, shared and reloaded.
  useEffect(() => {
    if (debouncedInput.trim() === query) return
    setSearchParams(debouncedInput.trim() === '' ? {} : { q: debouncedInput.trim() }, { replace: true })
  }, [debouncedInput, query, setSearchParams])

  // The answer carries the query it is for: while the next search loads, the old results stay on screen
  // (keepPrevious) and the summary must not pair their count with the new search term.
  const { resource, reload } = useResource(
    `statements?q=${query}`,
    async (signal): Promise<SearchResult<StatementDto>> => ({ query, statements: (await statementsApi.list(query, signal)).statements }),
    { keepPrevious: true },
  )

  return (
    <div className="statements-page">
      <div className="page-heading">
        <h1>Statements</h1>
        {canCreateStatement(user) && !creating ? (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New statement
          </button>
        ) : null}
      </div>

      {creating ? <NewStatementPanel onCancel={() => setCreating(false)} initialMeetingId={initialMeetingId} /> : null}

      <search className="search">
        <label className="field__label" htmlFor="statement-search">
          Search statements
        </label>
        <input
          id="statement-search"
          className="input search__input"
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder="Title or forum"
          autoComplete="off"
        />
      </search>

      {resource.status === 'loading' ? <Loading label="Loading statements…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        <>
          <p className="result-count" role="status">
            {searchSummary(resource.data, query)}
          </p>
          {resource.data.statements.length > 0 ? (
            <div className={resource.refreshing ? 'search-results search-results--stale' : 'search-results'} aria-busy={resource.refreshing}>
              <StatementTable statements={resource.data.statements} />
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
