import { useParams } from 'react-router'
import { isApiError } from '../../http/ApiError.js'
import { publicSignonApi, type PublicSignonDto } from '../../http/publicSignon.js'
import { useResource } from '../../http/useResource.js'
import { PublicLayout } from '../../app/PublicLayout.js'
import { formatDateTime } from '../../ui/dates.js'
import { ErrorMessage, LoadError, Loading } from '../../ui/Feedback.js'
import { kindLabel } from '../../ui/labels.js'
import { useDocumentTitle } from '../../ui/useDocumentTitle.js'
import { FingerprintField } from '../lifecycle/FingerprintField.js'
import { SignonForm } from './SignonForm.js'
import { unavailableMessage } from './signonMessages.js'
import { StatementText } from './StatementText.js'
import '../../styles/signon.css'

/**
 * `/signon/:token`: an outside organisation reads the locked text and signs on to it,
 * without an account. The link is the permission to submit; a coordinator approves.
 * The page shows nothing about who else signed.
 */
export function SignonPage() {
  const { token = '' } = useParams()
  const { resource, reload } = useResource(`signon:${token}`, (signal) => publicSignonApi.view(token, signal))
  useDocumentTitle(resource.status === 'ready' ? `Sign on: ${resource.data.statement.title}` : 'Sign on')

  return (
    <PublicLayout width="reading">
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <SignonUnavailable error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? <SignonStatement token={token} signon={resource.data} /> : null}
    </PublicLayout>
  )
}

function SignonUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = unavailableMessage(error)
  return (
    <>
      <h1>Sign on to a statement</h1>
      {message ? (
        <>
          <ErrorMessage>{message}</ErrorMessage>
          <p>
            {isApiError(error, 'signon_link_invalid')
              ? 'Ask the coordinator who sent it for a new link.'
              : 'Its text may be changing, or sign-on has closed. Ask the coordinator who sent you the link.'}
          </p>
        </>
      ) : (
        <LoadError error={error} onRetry={onRetry} />
      )}
    </>
  )
}

function SignonStatement({ token, signon }: { token: string; signon: PublicSignonDto }) {
  const { statement } = signon
  return (
    <article className="signon" aria-labelledby="signon-title">
      <p className="signon__kicker">Sign on to a joint statement</p>
      <h1 id="signon-title">{statement.title}</h1>
      <dl className="meta-list signon__meta">
        {statement.forum ? (
          <div>
            <dt>Forum</dt>
            <dd>{statement.forum}</dd>
          </div>
        ) : null}
        <div>
          <dt>Kind</dt>
          <dd>{kindLabel(statement.kind)} statement</dd>
        </div>
        <div>
          <dt>Final text</dt>
          <dd>
            Version {statement.versionNumber}, locked on <time dateTime={statement.lockedAt}>{formatDateTime(statement.lockedAt)}</time>
          </dd>
        </div>
      </dl>

      <section className="signon__text" aria-labelledby="signon-text-heading">
        <h2 id="signon-text-heading">The text you endorse</h2>
        <StatementText text={statement.text} />
        <FingerprintField fingerprint={statement.fingerprint} />
        <p className="field__hint">
          The fingerprint identifies exactly this wording. If the text changes, it gets a new fingerprint and you would be asked
          to sign on again.
        </p>
      </section>

      <SignonForm token={token} expiresAt={signon.expiresAt} />
    </article>
  )
}
