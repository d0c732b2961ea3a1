import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { TERMINAL_CLOSE_CODES } from '../../../shared/collab/closeCodes.js'
import { listenForAccessNotices, type AccessNoticeStore } from './accessNotices.js'
import { collabServerUrl } from './collabUrl.js'

export interface Collaboration {
  ydoc: Y.Doc
  provider: WebsocketProvider
  accessNotices: AccessNoticeStore
}

/**
 * One Y.Doc and one socket per open statement. They are created in an effect and
 * destroyed in its cleanup: created in render (useMemo/useState), StrictMode's
 * double render would leave a second, orphaned socket connected.
 */
export function useCollaboration(statementId: string): Collaboration | null {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null)

  useEffect(() => {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl(window.location), encodeURIComponent(statementId), ydoc, {
      // Tabs would otherwise sync with each other over BroadcastChannel, past the server's authorisation.
      disableBc: true,
      // The shared list says which closes a reconnect cannot fix; the library's default
      // (the whole 4400–4499 range) would also give up on a transient malformed-message close.
      shouldReconnect: (event) => !TERMINAL_CLOSE_CODES.has(event.code),
    })
    setCollaboration({ ydoc, provider, accessNotices: listenForAccessNotices(provider) })
    return () => {
      provider.destroy()
      // Destroying the doc also destroys the provider's awareness and its timer.
      ydoc.destroy()
      setCollaboration(null)
    }
  }, [statementId])

  return collaboration
}
