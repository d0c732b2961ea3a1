import { useEffect } from 'react'

/** Each page has its own title, so tabs, history and screen readers say where the person is. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} – Plenary` : 'Plenary'
  }, [title])
}
