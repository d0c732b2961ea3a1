import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { MeDto } from '../../shared/api/dto.js'
import { isApiError } from '../http/ApiError.js'
import { authApi } from '../http/auth.js'
import { onUnauthenticated } from '../http/request.js'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; me: MeDto }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'error'; error: unknown }

/** `session-ended`: the server ended a session the page was using (expiry, sign-out elsewhere), so the login page says why. */
export type SignedOutReason = 'session-ended' | null

interface SessionContextValue {
  state: SessionState
  /** Asks the server who is signed in (after sign-in, or to retry after an error). */
  refresh: () => Promise<void>
  /** Sets the session from an answer that already carries `{ user, organization }`. */
  signedIn: (me: MeDto) => void
  /** Forgets the session locally, e.g. when the collaboration socket reports it ended. */
  signedOut: (reason: SignedOutReason) => void
  signOut: () => Promise<void>
}

const SessionContext = createContext<SessionContextValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', me: await authApi.me() })
    } catch (error) {
      setState(isApiError(error) && error.status === 401 ? { status: 'signed-out', reason: null } : { status: 'error', error })
    }
  }, [])

  const signedIn = useCallback((me: MeDto) => setState({ status: 'signed-in', me }), [])
  const signedOut = useCallback((reason: SignedOutReason) => setState({ status: 'signed-out', reason }), [])

  const signOut = useCallback(async () => {
    try {
      await authApi.logout()
    } finally {
      // Even if the request failed, the person asked to leave: the UI must not stay signed in.
      setState({ status: 'signed-out', reason: null })
    }
  }, [])

  useEffect(() => {
    void refresh()
    // Only a session the page believed in can "end"; a 401 while signed out is just the login page loading.
    onUnauthenticated(() =>
      setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-out', reason: 'session-ended' } : previous)),
    )
    return () => onUnauthenticated(null)
  }, [refresh])

  const value = useMemo(
    () => ({ state, refresh, signedIn, signedOut, signOut }),
    [state, refresh, signedIn, signedOut, signOut],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext)
  if (context === null) throw new Error('useSession must be used inside <SessionProvider>')
  return context
}

/** The signed-in person; only for pages rendered inside <RequireSession>. */
export function useMe(): MeDto {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useMe must be used inside <RequireSession>')
  return state.me
}
