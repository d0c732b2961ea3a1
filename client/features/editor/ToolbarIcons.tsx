import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="toolbar__icon" viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  )
}

export const BulletListIcon = () => (
  <Icon>
    <circle cx="4" cy="5" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="4" cy="10" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="4" cy="15" r="1.2" fill="currentColor" stroke="none" />
    <path d="M8 5h9M8 10h9M8 15h9" />
  </Icon>
)

export const NumberedListIcon = () => (
  <Icon>
    <path d="M3 3.5h1.2v3.5M3 7h2.4" strokeWidth="1.2" />
    <path d="M2.8 12.2c.3-.6.8-.9 1.4-.9.7 0 1.2.4 1.2 1 0 .9-1.3 1.5-2.6 2.7h2.7" strokeWidth="1.2" />
    <path d="M8 5h9M8 10h9M8 15h9" />
  </Icon>
)

export const QuoteIcon = () => (
  <Icon>
    <path d="M4 4v12" strokeWidth="2.2" />
    <path d="M8 6h9M8 10h9M8 14h6" />
  </Icon>
)
