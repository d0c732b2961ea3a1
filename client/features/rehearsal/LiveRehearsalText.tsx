import { useEffect } from 'react'
import type { JsonNode } from '../../../shared/text/documentText.js'
import { ConnectionIndicator } from '../editor/ConnectionIndicator.js'
import { isStatementGone, StatementGone, useStatementConnection } from '../editor/useStatementConnection.js'
import { useCollaboration, type Collaboration } from '../editor/useCollaboration.js'
import { RehearsalText } from './RehearsalText.js'
import { useLiveDocument } from './useLiveDocument.js'

interface LiveRehearsalTextProps {
  statementId: string
  /** The text the page loaded over REST: shown until the live document has synced. */
  initialContent: JsonNode
  onWords: (words: number) => void
}

/**
 * The rehearsal's text, following the drafters' edits. It joins the statement's
 * collaboration room as the editor does (the Y.Doc and the socket live in
 * `useCollaboration`'s effect) but binds no editor and never writes to the document,
 * so the connection only reads, whatever the person's access. Loaded lazily: Yjs and
 * the schema are most of the bundle.
 */
export function LiveRehearsalText({ statementId, initialContent, onWords }: LiveRehearsalTextProps) {
  const collaboration = useCollaboration(statementId)
  if (collaboration === null) return <RehearsalText content={initialContent} onWords={onWords} />
  return <ConnectedText statementId={statementId} initialContent={initialContent} onWords={onWords} collaboration={collaboration} />
}

function ConnectedText({ statementId, initialContent, onWords, collaboration }: LiveRehearsalTextProps & { collaboration: Collaboration }) {
  const { ydoc, provider } = collaboration
  const live = useLiveDocument(ydoc, provider)
  const connection = useStatementConnection(statementId, provider)

  // Nobody is "in" the statement by rehearsing it: no presence, no caret for the drafters.
  useEffect(() => provider.awareness.setLocalState(null), [provider])

  if (isStatementGone(connection)) return <StatementGone connection={connection} />

  return (
    <>
      <div className="rehearsal-page__connection">
        <ConnectionIndicator connection={connection} />
        {connection.status === 'connected' ? null : <span className="muted">The text may not show the latest edits.</span>}
      </div>
      <RehearsalText content={live ?? initialContent} onWords={onWords} />
    </>
  )
}
