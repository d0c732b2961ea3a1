import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { canChangeStatementSettings, canManageLifecycle } from '../../../shared/domain/permissions.js'
import { isApiError } from '../../http/ApiError.js'
import { useMe } from '../../app/SessionContext.js'
import { ErrorBoundary } from '../../ui/ErrorBoundary.js'
import { LoadError, Loading, StatusMessage } from '../../ui/Feedback.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { EndorsementsPanel } from '../endorsements/EndorsementsPanel.js'
import { HistoryPanel } from '../history/HistoryPanel.js'
import { LifecycleActions, type LifecycleOutcome } from '../lifecycle/LifecycleActions.js'
import { StatementStatusBanner } from '../lifecycle/StatementStatusBanner.js'
import { StatementHeader } from './StatementHeader.js'
import { StatementSettings } from './StatementSettings.js'
import { useLiveStatement } from './useLiveStatement.js'
import '../../styles/statement-page.css'

// Tiptap and Yjs are most of the bundle; the list and admin pages do not need them.
const StatementEditor = lazy(() => import('../editor/StatementEditor.js').then((module) => ({ default: module.StatementEditor })))

export function StatementPage() {
  const { id = '' } = useParams()
  const me = useMe()
  const { resource, reload, setData, refresh } = useLiveStatement(id)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const historyButton = useRef<HTMLButtonElement>(null)
  const noticeRef = useRef<HTMLDivElement>(null)
  const focusNotice = useRef(false)
  const notFound = resource.status === 'error' && isApiError(resource.error, 'not_found')
  useDocumentTitle(resource.status === 'ready' ? resource.data.title : notFound ? 'Statement not found' : null)
  const status = resource.status === 'ready' ? resource.data.status : null

  // A lifecycle action replaces the button that opened its dialog; focus goes to what happened instead of being lost.
  useEffect(() => {
    if (!focusNotice.current) return
    focusNotice.current = false
    noticeRef.current?.focus()
  }, [status])

  if (resource.status === 'loading') return <Loading label="Loading statement…" />
  if (resource.status === 'error') {
    // The server answers 404 also for statements this person may not see, so the page cannot tell them apart either.
    if (notFound) {
      return (
        <section className="empty-page">
          <h1>Statement not found</h1>
          <p>It may have been removed, or it is confidential to other organisations.</p>
          <p>
            <Link to="/statements">Back to the statements</Link>
          </p>
        </section>
      )
    }
    return <LoadError error={resource.error} onRetry={reload} />
  }

  const statement = resource.data
  const canChangeSettings = canChangeStatementSettings(me.user, statement)
  const canManage = canManageLifecycle(me.user, statement)

  function handleLifecycle(outcome: LifecycleOutcome) {
    setNotice(outcome.message)
    focusNotice.current = true
    if (outcome.statement) setData(outcome.statement)
    else void refresh()
  }

  function closeHistory() {
    setHistoryOpen(false)
    historyButton.current?.focus()
  }

  return (
    <div className="statement-page">
      <StatementHeader
        statement={statement}
        actions={
          <>
            {canManage ? <LifecycleActions statement={statement} onChanged={handleLifecycle} onStale={() => void refresh()} /> : null}
            {/* The speaker's view: large text and a countdown to the speaking limit. */}
            <Link to={`/statements/${encodeURIComponent(statement.id)}/rehearse`} className="button button--secondary">
              Rehearse
            </Link>
            <button
              ref={historyButton}
              type="button"
              className="button button--secondary"
              aria-expanded={historyOpen}
              aria-controls="history-panel"
              onClick={() => setHistoryOpen(!historyOpen)}
            >
              History
            </button>
            {canChangeSettings ? (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={settingsOpen}
                aria-controls="statement-settings"
                onClick={() => {
                  setSettingsOpen(!settingsOpen)
                  setNotice(null)
                }}
              >
                Settings
              </button>
            ) : null}
          </>
        }
      />
      <div aria-live="polite" className="live-slot" ref={noticeRef} tabIndex={-1}>
        {notice ? <StatusMessage>{notice}</StatusMessage> : null}
      </div>
      <StatementStatusBanner statement={statement} />
      {canChangeSettings && settingsOpen ? (
        <StatementSettings
          statement={statement}
          onSaved={(updated) => {
            setData(updated)
            setSettingsOpen(false)
            setNotice('Settings saved.')
          }}
          onCancel={() => setSettingsOpen(false)}
        />
      ) : null}
      <div className={historyOpen ? 'statement-layout statement-layout--with-panel' : 'statement-layout'}>
        <div className="statement-layout__main">
          {/* A chunk that fails to load (a deploy replaced it) must not take the whole page with it. */}
          <ErrorBoundary part="the editor" key={statement.id}>
            <Suspense fallback={<Loading label="Opening the editor…" />}>
              <StatementEditor
                statement={statement}
                me={me}
                onAccessChange={(access) => {
                  // The notice comes first over the socket; the statement itself (a lock, an unlock) follows from REST.
                  setData({ ...statement, access })
                  void refresh()
                }}
              />
            </Suspense>
          </ErrorBoundary>
          {statement.status !== 'drafting' ? (
            <EndorsementsPanel
              statement={statement}
              onStatementStale={(message) => {
                setNotice(message)
                void refresh()
              }}
            />
          ) : null}
        </div>
        {historyOpen ? <HistoryPanel statement={statement} onClose={closeHistory} onStatementStale={() => void refresh()} /> : null}
      </div>
    </div>
  )
}
