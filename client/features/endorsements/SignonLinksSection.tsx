import { useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { signonLinksApi, type SignonLinkDto } from '../../http/signonLinks.js'
import { useResource } from '../../http/useResource.js'
import { Badge } from '../../ui/Badge.js'
import { CopyField } from '../../ui/CopyField.js'
import { formatDateTime } from '../../ui/dates.js'
import { describeError, ErrorMessage, LoadError, Loading } from '../../ui/Feedback.js'
import { SelectField } from '../../ui/FormField.js'
import { shortLink, SIGNON_LINK_BADGES, signonLinkState, sortSignonLinks } from './signonLinkState.js'

const VALIDITY_DAYS = [7, 14, 30, 90] as const
const DEFAULT_VALIDITY_DAYS = 14

/**
 * Coordinators invite outside organisations to sign on with a link: it shows the
 * locked text and a form, and nothing about who signed. What arrives through it
 * waits for a coordinator's approval.
 */
export function SignonLinksSection({ statement }: { statement: StatementDto }) {
  const { resource, reload } = useResource(`signon-links:${statement.id}`, (signal) => signonLinksApi.list(statement.id, signal), { keepPrevious: true })
  const [days, setDays] = useState<number>(DEFAULT_VALIDITY_DAYS)
  const [created, setCreated] = useState<SignonLinkDto | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function create() {
    setBusy(true)
    setError(null)
    try {
      setCreated(await signonLinksApi.create(statement.id, { expiresInDays: days }))
      reload()
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setBusy(false)
    }
  }

  async function revoke(link: SignonLinkDto) {
    setBusy(true)
    setError(null)
    try {
      await signonLinksApi.revoke(statement.id, link.token)
      if (created?.token === link.token) setCreated(null)
      reload()
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setBusy(false)
    }
  }

  const links = resource.status === 'ready' ? sortSignonLinks(resource.data.links) : []

  return (
    <section className="endorsements__section" aria-labelledby="signon-links-heading">
      <h3 id="signon-links-heading">Sign-on links</h3>
      <p className="muted">
        Organisations outside the alliance sign on through a link. They see the final text and a form, never who else signed; you approve
        each one below.
      </p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {statement.status === 'locked' ? (
        <div className="signon-links__create">
          <SelectField label="Valid for" name="expiresInDays" value={String(days)} onChange={(event) => setDays(Number(event.target.value))}>
            {VALIDITY_DAYS.map((count) => (
              <option key={count} value={count}>
                {count} days
              </option>
            ))}
          </SelectField>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void create()}>
            Create sign-on link
          </button>
        </div>
      ) : null}
      {created ? (
        <div className="signon-links__created">
          <p className="notice notice--success" role="status">
            Sign-on link created. It works until {formatDateTime(created.expiresAt)}, while the text stays locked.
          </p>
          <CopyField label="New sign-on link" value={created.url} data-testid="signon-url" />
        </div>
      ) : null}

      {resource.status === 'loading' ? <Loading label="Loading sign-on links…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' && links.length === 0 ? <p className="muted">No sign-on links yet.</p> : null}
      {links.length > 0 ? (
        <ul className="signon-links" aria-label="Sign-on links" data-testid="signon-links">
          {links.map((link) => {
            const state = signonLinkState(link)
            const badge = SIGNON_LINK_BADGES[state]
            return (
              <li key={link.id} className="signon-link" data-testid="signon-link" data-state={state}>
                <code className="signon-link__url" title={link.url}>
                  {shortLink(link.url)}
                </code>
                <Badge tone={badge.tone}>{badge.label}</Badge>
                <span className="signon-link__when">
                  {state === 'revoked' && link.revokedAt ? `Revoked ${formatDateTime(link.revokedAt)}` : null}
                  {state === 'expired' ? `Expired ${formatDateTime(link.expiresAt)}` : null}
                  {state === 'active' ? `Until ${formatDateTime(link.expiresAt)}` : null}
                </span>
                {state === 'active' ? (
                  <button type="button" className="button button--quiet" disabled={busy} onClick={() => void revoke(link)}>
                    Revoke<span className="visually-hidden"> the link created {formatDateTime(link.createdAt)}</span>
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
