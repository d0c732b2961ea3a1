import type { StatementDto } from '../../../shared/api/dto.js'
import { formatDateTime } from '../../ui/dates.js'
import { FingerprintField } from './FingerprintField.js'
import { useLifecycleNames } from './useLifecycleNames.js'
import '../../styles/lifecycle.css'

/**
 * Where the statement is in its lifecycle, for everyone: the locked final text with
 * its fingerprint, sign-on closed, or a note that the text was unlocked again and why.
 * Nothing while drafting a statement that was never unlocked.
 */
export function StatementStatusBanner({ statement }: { statement: StatementDto }) {
  const names = useLifecycleNames(statement)
  const { lock, lastUnlock } = statement

  if (statement.status !== 'drafting' && lock) {
    const closed = statement.status === 'closed'
    const lockedSentence = (
      <>
        Final text locked by {names.lockedBy ?? 'a coordinator'} on <time dateTime={lock.lockedAt}>{formatDateTime(lock.lockedAt)}</time>
        {closed ? ` (version ${lock.versionNumber})` : null}
      </>
    )
    return (
      <section className={`lock-banner lock-banner--${statement.status}`} data-testid="lock-banner" data-status={statement.status} aria-labelledby="lock-banner-title">
        <LockIcon />
        <div className="lock-banner__body">
          <h2 className="lock-banner__title" id="lock-banner-title">
            {closed ? (
              <>
                Sign-on closed
                {statement.closedAt ? (
                  <>
                    {' '}
                    on <time dateTime={statement.closedAt}>{formatDateTime(statement.closedAt)}</time>
                  </>
                ) : null}
              </>
            ) : (
              lockedSentence
            )}
          </h2>
          {closed ? <p>{lockedSentence}.</p> : null}
          <p>
            {closed
              ? 'The statement was submitted with this text; organisations can no longer endorse it.'
              : `Version ${lock.versionNumber}. Nobody can edit the text: organisations endorse exactly this text, identified by its fingerprint.`}
          </p>
          <FingerprintField fingerprint={lock.fingerprint} />
        </div>
      </section>
    )
  }

  if (statement.status === 'drafting' && lastUnlock) {
    return (
      <div className="notice notice--warning unlock-notice" data-testid="unlock-notice" role="note">
        <p className="notice__title">Unlocked for more drafting</p>
        <p>
          <strong>{sentenceStart(names.unlockedBy ?? 'a coordinator')}</strong> unlocked the final text on{' '}
          <time dateTime={lastUnlock.unlockedAt}>{formatDateTime(lastUnlock.unlockedAt)}</time>. Reason:{' '}
          <q className="unlock-notice__reason">{lastUnlock.reason}</q>
        </p>
      </div>
    )
  }

  return null
}

const sentenceStart = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function LockIcon() {
  return (
    <svg className="lock-banner__icon" viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true" focusable="false">
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" strokeLinecap="round" />
    </svg>
  )
}
