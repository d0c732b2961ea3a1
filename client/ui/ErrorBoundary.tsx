import { Component, type ReactNode } from 'react'
import { isChunkLoadError } from './chunkLoadError.js'
import { ErrorMessage } from './Feedback.js'

interface ErrorBoundaryProps {
  /** What the part is, as the end of a sentence: "the editor", "the text of this version". */
  part: string
  children: ReactNode
}

interface ErrorBoundaryState {
  error: unknown
  failed: boolean
}

/**
 * Keeps a failure inside one part of the page. Without it React removes the whole
 * page, and the person is left with a blank screen. Meant for lazily loaded parts:
 * their chunk can disappear when a deploy replaces the files the page was built
 * against. React.lazy keeps the failed import, so only a reload can fetch it again;
 * the button says so rather than offering a "Try again" that cannot work.
 *
 * React reports the error itself (the root's onCaughtError logs it), so there is no componentDidCatch.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    const { part } = this.props
    const chunk = isChunkLoadError(this.state.error)
    return (
      <div data-testid="error-boundary">
        <ErrorMessage title={`${capitalise(part)} could not be ${chunk ? 'loaded' : 'shown'}`}>
          <p>
            {chunk
              ? 'Plenary was probably updated since you opened this page, or the connection dropped. Reload the page to get the current version.'
              : 'Something went wrong while showing it. Reload the page to try again.'}
          </p>
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </ErrorMessage>
      </div>
    )
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
