import { Link } from 'react-router'
import { useDocumentTitle } from '../ui/useDocumentTitle.js'

export function NotFoundPage() {
  useDocumentTitle('Page not found')
  return (
    <section className="empty-page">
      <h1>Page not found</h1>
      <p>If you typed the address, check it is correct.</p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </section>
  )
}
