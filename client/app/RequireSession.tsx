import { Navigate, Outlet, useLocation } from 'react-router'
import { LoadError, Loading } from '../ui/Feedback.js'
import { loginPathFor } from './nextPath.js'
import { useSession } from './SessionContext.js'

/** Pages below need a signed-in person; everyone else goes to /login and comes back afterwards. */
export function RequireSession() {
  const { state, refresh } = useSession()
  const location = useLocation()

  if (state.status === 'loading') {
    return (
      <main className="page page--centered" id="main">
        <Loading />
      </main>
    )
  }
  if (state.status === 'error') {
    return (
      <main className="page page--centered" id="main">
        <LoadError error={state.error} onRetry={() => void refresh()} />
      </main>
    )
  }
  if (state.status === 'signed-out') {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />
  }
  return <Outlet />
}
