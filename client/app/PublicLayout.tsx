import type { ReactNode } from 'react'

/** The narrow, centred frame of the pages people see before they are signed in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="app-header app-header--public">
        <div className="app-header__inner">
          <span className="app-header__brand">Plenary</span>
        </div>
      </header>
      <main className="page page--narrow" id="main">
        <div className="card">{children}</div>
      </main>
    </>
  )
}
