import type { ReactNode } from 'react'

/**
 * The centred frame of the pages people see without signing in. Forms are `narrow`;
 * a page that shows a statement's text (the public sign-on page) is `reading` width.
 */
export function PublicLayout({ children, width = 'narrow' }: { children: ReactNode; width?: 'narrow' | 'reading' }) {
  return (
    <>
      <header className="app-header app-header--public">
        <div className="app-header__inner">
          <span className="app-header__brand">Plenary</span>
        </div>
      </header>
      <main className={`page page--${width}`} id="main">
        <div className="card">{children}</div>
      </main>
    </>
  )
}
