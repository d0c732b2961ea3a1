import { useEffect } from 'react'
import { Link } from 'react-router'
import type { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '../../../shared/collab/closeCodes.js'
import { useSession } from '../../app/SessionContext.js'
import { ErrorMessage } from '../../ui/Feedback.js'
import { probeStatementAccess } from './accessProbe.js'
import { useConnectionStatus, type ConnectionState } from './useConnectionStatus.js'

/**
 * The live connection to a statement, as the editor and the rehearsal view both
 * need it: its status, and when the socket says the session is over, the session
 * guard takes the person to sign in (and brings them back afterwards).
 */
export function useStatementConnection(statementId: string, provider: WebsocketProvider): ConnectionState {
  const connection = useConnectionStatus(provider, () => probeStatementAccess(statementId))
  const { signedOut } = useSession()
  useEffect(() => {
    if (connection.terminalCode === CloseCode.unauthenticated) signedOut('session-ended')
  }, [connection.terminalCode, signedOut])
  return connection
}

/** The server says this person may no longer know the statement exists: shown instead of its text. */
export function isStatementGone(connection: ConnectionState): boolean {
  return connection.terminalCode === CloseCode.notFound
}

export function StatementGone({ connection }: { connection: ConnectionState }) {
  return (
    <ErrorMessage>
      <p>{connection.detail}</p>
      <p>
        <Link to="/statements">Back to the statements</Link>
      </p>
    </ErrorMessage>
  )
}
