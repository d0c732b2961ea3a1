import { Link, useParams } from 'react-router'
import { countDocumentWords } from '../../../shared/text/documentText.js'
import { canonicalText } from '../../../shared/text/canonicalText.js'
import { formatDuration, speakingSeconds } from '../../../shared/text/speakingTime.js'
import { isApiError } from '../../http/ApiError.js'
import { statementsApi } from '../../http/statements.js'
import { useResource } from '../../http/useResource.js'
import { LoadError, Loading } from '../../ui/Feedback.js'
import { formatNumber } from '../../ui/labels.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { StatementText } from '../signon/StatementText.js'
import { RehearsalTimer } from './RehearsalTimer.js'
import '../../styles/signon.css'
import '../../styles/rehearsal.css'

/**
 * `/statements/:id/rehearse`: the text in large type and a countdown, for the person who reads it aloud.
 * The text is the server's current one when the page opened; "Reload the text" fetches it again.
 */
export function RehearsalPage() {
  const { id = '' } = useParams()
  const { resource, reload } = useResource(`rehearse:${id}`, async (signal) => {
    const [statement, content] = await Promise.all([statementsApi.get(id, signal), statementsApi.content(id, signal)])
    return { statement, text: canonicalText(content), words: countDocumentWords(content) }
  })
  useDocumentTitle(resource.status === 'ready' ? `Rehearse: ${resource.data.statement.title}` : 'Rehearse')
  const statementPath = `/statements/${encodeURIComponent(id)}`

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

  const { statement, text, words } = resource.data
  const estimate = speakingSeconds(words, statement.wordsPerMinute)
  const limit = statement.speakingLimitSeconds
  return (
    <div className="rehearsal-page">
      <div className="rehearsal-page__heading">
        <h1>Rehearse: {statement.title}</h1>
        <p className="rehearsal-page__links">
          <Link to={statementPath}>Back to the statement</Link>
          <button type="button" className="button button--quiet" onClick={reload}>
            Reload the text
          </button>
        </p>
      </div>
      <div className="rehearsal-page__layout">
        <RehearsalTimer totalSeconds={limit ?? estimate} source={limit === null ? 'Estimated time (no speaking limit set)' : 'Speaking limit'} />
        <div className="rehearsal-page__text">
          <p className="muted">
            {formatNumber(words)} {words === 1 ? 'word' : 'words'}, about {formatDuration(estimate)} at{' '}
            {statement.wordsPerMinute} words per minute
          </p>
          <StatementText text={text} testId="rehearsal-text" />
        </div>
      </div>
    </div>
  )
}
