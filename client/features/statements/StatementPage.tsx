import { lazy, Suspense, useState } from 'react'
import { Link, useParams } from 'react-router'
import { canChangeStatementSettings } from '../../../shared/domain/permissions.js'
import { isApiError } from '../../http/ApiError.js'
import { statementsApi } from '../../http/statements.js'
import { useResource } from '../../http/useResource.js'
import { useMe } from '../../app/SessionContext.js'
import { LoadError, Loading, StatusMessage } from '../../ui/Feedback.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { StatementHeader } from './StatementHeader.js'
import { StatementSettings } from './StatementSettings.js'

// Tiptap and Yjs are most of the bundle; the list and admin pages do not need them.
const StatementEditor = lazy(() => import('../editor/StatementEditor.js').then((module) => ({ default: module.StatementEditor })))

export function StatementPage() {
  const { id = '' } = useParams()
  const me = useMe()
  const { resource, reload, setData } = useResource(`statement:${id}`, (signal) => statementsApi.get(id, signal))
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  const notFound = resource.status === 'error' && isApiError(resource.error, 'not_found')
  useDocumentTitle(resource.status === 'ready' ? resource.data.title : notFound ? 'Statement not found' : null)

  if (resource.status === 'loading') return <Loading label="Loading statement…" />
  if (resource.status === 'error') {
    // The server answers 404 also for statements this person may not see, so the page cannot tell them apart either.
    if (notFound) {
      return (
        <section className="empty-page">
          <h1>Statement not found</h1>
          <p>It may have been removed, or it is confidential to other organisations.</p>
          <p>
            <Link to="/">Back to the statements</Link>
          </p>
        </section>
      )
    }
    return <LoadError error={resource.error} onRetry={reload} />
  }

  const statement = resource.data
  const canChangeSettings = canChangeStatementSettings(me.user, statement)

  return (
    <div className="statement-page">
      <StatementHeader
        statement={statement}
        settingsButton={
          canChangeSettings ? (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={settingsOpen}
              aria-controls="statement-settings"
              onClick={() => {
                setSettingsOpen(!settingsOpen)
                setSaved(false)
              }}
            >
              Settings
            </button>
          ) : null
        }
      />
      <div aria-live="polite">{saved ? <StatusMessage>Settings saved.</StatusMessage> : null}</div>
      {canChangeSettings && settingsOpen ? (
        <StatementSettings
          statement={statement}
          onSaved={(updated) => {
            setData(updated)
            setSettingsOpen(false)
            setSaved(true)
          }}
          onCancel={() => setSettingsOpen(false)}
        />
      ) : null}
      <Suspense fallback={<Loading label="Opening the editor…" />}>
        <StatementEditor statement={statement} me={me} onAccessChange={(access) => setData({ ...statement, access })} />
      </Suspense>
    </div>
  )
}
