import { useCallback, useEffect, useRef } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { statementsApi } from '../../http/statements.js'
import { useResource } from '../../http/useResource.js'

/** Coming back to the tab refetches at most this often (focus and visibilitychange often fire together). */
const RETURN_REFRESH_MS = 2000

/**
 * The statement page's copy of the statement, and a quiet `refresh` that fetches it
 * again without a loading state: after the socket's access notice (a lock turns
 * everyone read-only, an unlock lets drafters edit again) and when the person
 * returns to the tab. People whose access a lock does not change (readers) get no
 * notice, so returning to the tab is how their page catches up.
 *
 * Only the newest request may write: a refresh that was already under way when an
 * action's own answer arrived (`setData`) is dropped rather than undoing it.
 */
export function useLiveStatement(id: string) {
  const { resource, reload, setData } = useResource(`statement:${id}`, (signal) => statementsApi.get(id, signal))
  const latest = useRef(0)
  const lastReturn = useRef(0)

  const replace = useCallback(
    (statement: StatementDto) => {
      latest.current += 1
      setData(statement)
    },
    [setData],
  )

  const refresh = useCallback(async () => {
    latest.current += 1
    const request = latest.current
    try {
      const statement = await statementsApi.get(id)
      if (request === latest.current) setData(statement)
    } catch {
      // The page keeps what it shows; lost access reaches the editor through its socket and its own probe.
    }
  }, [id, setData])

  useEffect(() => {
    const handleReturn = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastReturn.current < RETURN_REFRESH_MS) return
      lastReturn.current = Date.now()
      void refresh()
    }
    document.addEventListener('visibilitychange', handleReturn)
    window.addEventListener('focus', handleReturn)
    return () => {
      document.removeEventListener('visibilitychange', handleReturn)
      window.removeEventListener('focus', handleReturn)
    }
  }, [refresh])

  return { resource, reload, setData: replace, refresh }
}
