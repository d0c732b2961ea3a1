import { useEffect, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { CloseCode, TERMINAL_CLOSE_CODES } from '../../../shared/collab/closeCodes.js'
import { deriveConnection, type ConnectionView, type ProviderStatus } from './connectionStatus.js'

export interface ConnectionState extends ConnectionView {
  terminalCode: number | null
  synced: boolean
}

/** What a REST request says about the statement when the socket cannot tell. */
export type AccessProbeResult = 'ok' | 'unauthenticated' | 'not_found' | 'unknown'

/** At most one REST probe per this many milliseconds, however fast the socket fails. */
const PROBE_INTERVAL_MS = 5000

/**
 * Follows the provider's status and close events and the browser's online flag.
 *
 * The server refuses an upgrade it will not serve (no session, no access) with an
 * HTTP status before the protocol switch; browsers report that only as close code
 * 1006, the same as a network failure. So when an attempt fails before it opened,
 * `probeAccess` asks the REST API, and a 401 or 404 there ends the retries as the
 * matching close code would.
 */
export function useConnectionStatus(provider: WebsocketProvider, probeAccess: () => Promise<AccessProbeResult>): ConnectionState {
  const [providerStatus, setProviderStatus] = useState<ProviderStatus>(provider.wsconnected ? 'connected' : 'connecting')
  const [everConnected, setEverConnected] = useState(provider.wsconnected)
  const [online, setOnline] = useState(() => navigator.onLine)
  const [terminalCode, setTerminalCode] = useState<number | null>(null)
  const [synced, setSynced] = useState(provider.synced)
  const probe = useRef(probeAccess)
  probe.current = probeAccess

  useEffect(() => {
    let disposed = false
    let opened = provider.wsconnected
    let lastProbe = 0

    const stop = (code: number) => {
      provider.disconnect()
      if (!disposed) setTerminalCode(code)
    }
    const handleStatus = ({ status }: { status: ProviderStatus }) => {
      setProviderStatus(status)
      if (status === 'connected') {
        opened = true
        setEverConnected(true)
      }
      if (status === 'connecting') opened = false
    }
    // y-websocket 3 emits `closed` after a close code that `shouldReconnect` refused.
    const handleClosed = ({ code }: { code: number }) => {
      if (TERMINAL_CLOSE_CODES.has(code)) stop(code)
    }
    const handleConnectionClose = (event: CloseEvent | null) => {
      if (event === null || opened || !navigator.onLine) return
      const now = Date.now()
      if (now - lastProbe < PROBE_INTERVAL_MS) return
      lastProbe = now
      void probe.current().then((result) => {
        if (disposed) return
        if (result === 'unauthenticated') stop(CloseCode.unauthenticated)
        if (result === 'not_found') stop(CloseCode.notFound)
      })
    }
    const handleSync = (isSynced: boolean) => setSynced(isSynced)
    const handleOnline = () => setOnline(true)
    const handleOffline = () => setOnline(false)

    provider.on('status', handleStatus)
    provider.on('closed', handleClosed)
    provider.on('connection-close', handleConnectionClose)
    provider.on('sync', handleSync)
    window.addEventListener('online', handleOnline)
    window.addEventListener('offline', handleOffline)
    return () => {
      disposed = true
      provider.off('status', handleStatus)
      provider.off('closed', handleClosed)
      provider.off('connection-close', handleConnectionClose)
      provider.off('sync', handleSync)
      window.removeEventListener('online', handleOnline)
      window.removeEventListener('offline', handleOffline)
    }
  }, [provider])

  return { ...deriveConnection({ providerStatus, online, everConnected, terminalCode }), terminalCode, synced }
}
