import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { presentUsers, type PresentUser } from './presence.js'

export function usePresence(provider: WebsocketProvider): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([])

  useEffect(() => {
    const { awareness } = provider
    let lastKey = ''
    const update = () => {
      const next = presentUsers(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)
      // Cursor moves also change awareness; only re-render when the people change.
      const key = JSON.stringify(next)
      if (key === lastKey) return
      lastKey = key
      setUsers(next)
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [provider])

  return users
}
