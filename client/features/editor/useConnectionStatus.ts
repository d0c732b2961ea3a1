import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { TERMINAL_CLOSE_CODES } from '../../../shared/collab/closeCodes.js'
import { deriveConnection, type ConnectionView, type ProviderStatus } from './connectionStatus.js'

export interface ConnectionState extends ConnectionView {
  terminalCode: number | null
  synced: boolean
}

/** Follows the provider's status and close events and the browser's online flag. */
export function useConnectionStatus(provider: WebsocketProvider): ConnectionState {
  const [providerStatus, setProviderStatus] = useState<ProviderStatus>(provider.wsconnected ? 'connected' : 'connecting')
  const [everConnected, setEverConnected] = useState(provider.wsconnected)
  const [online, setOnline] = useState(() => navigator.onLine)
  const [terminalCode, setTerminalCode] = useState<number | null>(null)
  const [synced, setSynced] = useState(provider.synced)

  useEffect(() => {
    const handleStatus = ({ status }: { status: ProviderStatus }) => {
      setProviderStatus(status)
      if (status === 'connected') setEverConnected(true)
    }
    // y-websocket 3 emits `closed` once the server closed with a code `shouldReconnect` refused.
    const handleClosed = ({ code }: { code: number }) => {
      if (!TERMINAL_CLOSE_CODES.has(code)) return
      // Already stopped by shouldReconnect; disconnect() makes it explicit and also stops any later connect().
      provider.disconnect()
      setTerminalCode(code)
    }
    const handleSync = (isSynced: boolean) => setSynced(isSynced)
    const handleOnline = () => setOnline(true)
    const handleOffline = () => setOnline(false)

    provider.on('status', handleStatus)
    provider.on('closed', handleClosed)
    provider.on('sync', handleSync)
    window.addEventListener('online', handleOnline)
    window.addEventListener('offline', handleOffline)
    return () => {
      provider.off('status', handleStatus)
      provider.off('closed', handleClosed)
      provider.off('sync', handleSync)
      window.removeEventListener('online', handleOnline)
      window.removeEventListener('offline', handleOffline)
    }
  }, [provider])

  return { ...deriveConnection({ providerStatus, online, everConnected, terminalCode }), terminalCode, synced }
}
