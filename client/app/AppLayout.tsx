import { useEffect, useRef } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { isStaff } from '../../shared/domain/permissions.js'
import { useMe, useSession } from './SessionContext.js'

/** Header, navigation and the main landmark for every signed-in page. */
export function AppLayout() {
  const { user, organization } = useMe()
  const { signOut } = useSession()
  const navigate = useNavigate()
  const mainRef = useRef<HTMLElement>(null)
  const { pathname } = useLocation()
  const firstRender = useRef(true)

  // After client-side navigation, start screen-reader and keyboard users at the new page,
  // as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    mainRef.current?.focus()
  }, [pathname])

  async function handleSignOut() {
    await signOut()
    navigate('/login', { replace: true })
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            Plenary
          </Link>
          <nav className="app-nav" aria-label="Main">
            <NavLink to="/" end className="app-nav__link">
              Dashboard
            </NavLink>
            <NavLink to="/statements" end className="app-nav__link">
              Statements
            </NavLink>
            {isStaff(user) ? (
              <NavLink to="/admin" className="app-nav__link">
                Administration
              </NavLink>
            ) : null}
          </nav>
          <div className="app-header__account">
            <span className="app-header__person">
              <span className="app-header__name">{user.name}</span>
              <span className="app-header__org">{organization.shortName ?? organization.name}</span>
            </span>
            <button type="button" className="button button--quiet" onClick={() => void handleSignOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main className="page" id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}
