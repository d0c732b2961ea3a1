import { CloseCode } from '../../../shared/collab/closeCodes.js'

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected'

/** The values of `data-status` on the connection indicator; end-to-end tests read them. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline' | 'closed'

export interface ConnectionInputs {
  providerStatus: ProviderStatus
  online: boolean
  /** Has this provider ever connected? The first attempt is "Connecting", later ones "Reconnecting". */
  everConnected: boolean
  /** The close code after which the provider stopped for good, if any. */
  terminalCode: number | null
}

export interface ConnectionView {
  status: ConnectionStatus
  label: string
  /** A sentence for the person, when there is more to say than the label. */
  detail: string | null
}

export function deriveConnection({ providerStatus, online, everConnected, terminalCode }: ConnectionInputs): ConnectionView {
  if (terminalCode !== null) {
    return terminalCode === CloseCode.unauthenticated
      ? { status: 'closed', label: 'Signed out', detail: 'Your session ended. Sign in again to continue.' }
      : { status: 'closed', label: 'Disconnected', detail: 'You no longer have access to this statement' }
  }
  if (!online) {
    return {
      status: 'offline',
      label: 'Offline',
      detail: 'Keep this tab open: your changes will be sent when the connection returns.',
    }
  }
  if (providerStatus === 'connected') return { status: 'connected', label: 'Connected', detail: null }
  return everConnected
    ? { status: 'reconnecting', label: 'Reconnecting…', detail: 'Your changes are kept in this tab until the connection returns.' }
    : { status: 'reconnecting', label: 'Connecting…', detail: null }
}
