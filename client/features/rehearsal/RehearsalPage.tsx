import { lazy, Suspense, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { StatementDto } from '../../../shared/api/dto.js'
import { countDocumentWords, type JsonNode } from '../../../shared/text/documentText.js'
import { formatDuration, speakingSeconds } from '../../../shared/text/speakingTime.js'
import { isApiError } from '../../http/ApiError.js'
import { statementsApi } from '../../http/statements.js'
import { useResource } from '../../http/useResource.js'
import { ErrorBoundary } from '../../ui/ErrorBoundary.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { formatNumber } from '../../ui/labels.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { RehearsalText } from './RehearsalText.js'
import { RehearsalTimer } from './RehearsalTimer.js'
import '../../styles/signon.css'
import '../../styles/rehearsal.css'

const LiveRehearsalText = lazy(() => import('./LiveRehearsalText.js').then((module) => ({ default: module.LiveRehearsalText })))

/**
 * `/statements/:id/rehearse`: the text in large type and a countdown, for the person who reads it aloud.
 * The text follows the drafters' edits live; the REST copy is shown until the live one has synced.
 */
export function RehearsalPage() {
  const { id = '' } = useParams()
  const { resource, reload } = useResource(`rehearse:${id}`, async (signal) => {
    const [statement, content] = await Promise.all([statementsApi.get(id, signal), statementsApi.content(id, signal)])
    return { statement, content }
  })
  useDocumentTitle(resource.status === 'ready' ? `Rehearse: ${resource.data.statement.title}` : 'Rehearse')

  if (resource.status === 'loading') return <Loading label="Loading the text…" />
  if (resource.status === 'error') {
    if (isApiError(resource.error, 'not_found')) {
      return (
        <section className="empty-page">
          <h1>Statement not found</h1>
          <p>
            <Link to="/statements">Back to the statements</Link>
          </p>
        </section>
      )
    }
    return <LoadError error={resource.error} onRetry={reload} />
  }
  return <Rehearsal key={id} statement={resource.data.statement} initialContent={resource.data.content} />
}

function Rehearsal({ statement, initialContent }: { statement: StatementDto; initialContent: JsonNode }) {
  // Reported by the live text on every change; the timer keeps its own state through these re-renders.
  const [words, setWords] = useState(() => countDocumentWords(initialContent))
  const estimate = speakingSeconds(words, statement.wordsPerMinute)
  const limit = statement.speakingLimitSeconds
  const fallbackText = <RehearsalText content={initialContent} onWords={setWords} />
  return (
    <div className="rehearsal-page">
      <div className="rehearsal-page__heading">
        <h1>Rehearse: {statement.title}</h1>
        <p className="rehearsal-page__links">
          <Link to={`/statements/${encodeURIComponent(statement.id)}`}>Back to the statement</Link>
        </p>
      </div>
      <div className="rehearsal-page__layout">
        <RehearsalTimer
          totalSeconds={limit ?? estimate}
          source={limit === null ? 'Estimated time (no speaking limit set)' : 'Speaking limit'}
        />
        <div className="rehearsal-page__text">
          <p className="muted" data-testid="rehearsal-estimate">
            {formatNumber(words)} {words === 1 ? 'word' : 'words'}, about {formatDuration(estimate)} at {statement.wordsPerMinute} words
            per minute
          </p>
          {/* A chunk that fails to load (a deploy replaced it) says so instead of blanking the page. */}
          <ErrorBoundary part="the live text">
            <Suspense fallback={fallbackText}>
              <LiveRehearsalText statementId={statement.id} initialContent={initialContent} onWords={setWords} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </div>
    </div>
  )
}
