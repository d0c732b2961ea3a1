import type { ReactNode } from 'react'

export type BadgeTone = 'neutral' | 'info' | 'warning' | 'danger' | 'success'

export function Badge({ tone = 'neutral', children, ...rest }: { tone?: BadgeTone; children: ReactNode; 'data-testid'?: string; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} {...rest}>
      {children}
    </span>
  )
}
