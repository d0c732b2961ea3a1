import type { ConnectionState } from './useConnectionStatus.js'

export function ConnectionIndicator({ connection }: { connection: ConnectionState }) {
  return (
    <div className={`connection connection--${connection.status}`} data-testid="connection-status" data-status={connection.status} role="status" title={connection.detail ?? undefined}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{connection.label}</span>
    </div>
  )
}
