import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { MeDto, StatementDto } from '../../../shared/api/dto.js'
import { colorForUser } from '../../../shared/collab/userColor.js'
import { speakingSeconds } from '../../../shared/text/speakingTime.js'
import { Badge } from '../../ui/Badge.js'
import { ErrorMessage, Loading } from '../../ui/Feedback.js'
import { LimitMeter } from '../limits/LimitMeter.js'
import type { LiveAccess } from './accessNotices.js'
import { CollaborativeEditor } from './CollaborativeEditor.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'
import { PresenceList } from './PresenceList.js'
import type { AwarenessUser } from './presence.js'
import { isStatementGone, StatementGone, useStatementConnection } from './useStatementConnection.js'
import { useCollaboration, type Collaboration } from './useCollaboration.js'
import { usePresence } from './usePresence.js'
import '../../styles/editor.css'

interface StatementEditorProps {
  statement: StatementDto
  me: MeDto
  /**
   * The server announced different access or status on the live connection (drafting
   * organisations changed, a lock, an unlock). The page owns `statement.access` and
   * `statement.status`, refetches the statement and passes the new values back in.
   */
  onAccessChange: (access: LiveAccess) => void
}

export function StatementEditor({ statement, me, onAccessChange }: StatementEditorProps) {
  const collaboration = useCollaboration(statement.id)
  if (collaboration === null) return <Loading label="Opening the text…" />
  return <ConnectedEditor statement={statement} me={me} onAccessChange={onAccessChange} collaboration={collaboration} />
}

function ConnectedEditor({ statement, me, onAccessChange, collaboration }: StatementEditorProps & { collaboration: Collaboration }) {
  const { ydoc, provider, accessNotices } = collaboration
  const announced = useSyncExternalStore(accessNotices.subscribe, accessNotices.get)
  const [accessMessage, setAccessMessage] = useState<string | null>(null)
  const onAccessChangeRef = useRef(onAccessChange)
  onAccessChangeRef.current = onAccessChange
  const connection = useStatementConnection(statement.id, provider)
  const presence = usePresence(provider)

  const user = useMemo<AwarenessUser>(
    () => ({
      id: me.user.id,
      name: me.user.name,
      organization: me.organization.shortName ?? me.organization.name,
      color: colorForUser(me.user.id),
    }),
    [me],
  )

  useEffect(() => {
    if (announced === null || (announced.access === statement.access && announced.status === statement.status)) return
    if (announced.access !== statement.access) {
      setAccessMessage(announced.access === 'edit' ? 'You can now edit this statement.' : 'This statement is now read only for you.')
    }
    onAccessChangeRef.current(announced.access)
  }, [announced, statement.access, statement.status])

  const lostAccess = connection.terminalCode !== null
  const editable = statement.access === 'edit' && !lostAccess

  if (isStatementGone(connection)) {
    return (
      <section className="statement-editor" aria-label="Statement editor">
        <StatementGone connection={connection} />
        <ConnectionIndicator connection={connection} />
      </section>
    )
  }

  return (
    <section className="statement-editor" aria-label="Statement editor">
      {lostAccess && connection.detail ? <ErrorMessage>{connection.detail}</ErrorMessage> : null}
      <p className="visually-hidden" role="status">
        {accessMessage}
      </p>
      <CollaborativeEditor
        ydoc={ydoc}
        provider={provider}
        user={user}
        editable={editable}
        renderStatus={(words) => (
          <div className="editor-status">
            {editable ? null : (
              <Badge tone="neutral" data-testid="read-only-badge">
                Read only
              </Badge>
            )}
            {/* The count comes from the shared Y.Doc, so everyone editing sees the same reading. */}
            <LimitMeter
              reading={{
                words,
                speakingSeconds: speakingSeconds(words, statement.wordsPerMinute),
                wordLimit: statement.wordLimit,
                speakingLimitSeconds: statement.speakingLimitSeconds,
              }}
            />
            <span className="editor-status__spacer" />
            <PresenceList users={presence} />
            <ConnectionIndicator connection={connection} />
          </div>
        )}
      />
      {connection.status !== 'connected' && !lostAccess && connection.detail ? <p className="editor__hint">{connection.detail}</p> : null}
    </section>
  )
}
