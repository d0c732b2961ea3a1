import { useState } from 'react'
import type { StatementStatus } from '../../../shared/domain/statement.js'
import { endorsementsApi, type EndorsementDto } from '../../http/endorsements.js'
import { Badge } from '../../ui/Badge.js'
import { formatDateTime } from '../../ui/dates.js'
import { ecosocLabel } from '../../ui/labels.js'
import { duplicateWarning, sortForReview, sourceLabel, statusBadge } from './endorsementWording.js'
import { WebsiteLink } from './WebsiteLink.js'

interface EndorsementReviewListProps {
  statementId: string
  status: StatementStatus
  endorsements: EndorsementDto[]
  onChanged: (message: string) => void
  onError: (error: unknown) => void
}

/**
 * Coordinators and admins see every endorsement in full: who signed, how to reach
 * them, what is confidential or given for an earlier text, and which outside
 * organisations may already be on the list. Pending ones come first, to decide on.
 */
export function EndorsementReviewList({ statementId, status, endorsements, onChanged, onError }: EndorsementReviewListProps) {
  const [busyId, setBusyId] = useState<string | null>(null)

  async function decide(endorsement: EndorsementDto, decision: 'approve' | 'reject') {
    setBusyId(endorsement.id)
    try {
      await endorsementsApi[decision](statementId, endorsement.id)
      onChanged(`${decision === 'approve' ? 'Approved' : 'Rejected'}: ${endorsement.organization.name}.`)
    } catch (error) {
      onError(error)
    } finally {
      setBusyId(null)
    }
  }

  if (endorsements.length === 0) return <p className="muted">No organisation has endorsed the final text yet.</p>

  return (
    <ol className="endorsement-list" aria-label="Endorsements, pending first" data-testid="endorsement-list">
      {sortForReview(endorsements).map((endorsement) => {
        const badge = statusBadge(endorsement.status)
        const { organization } = endorsement
        // The buttons repeat in every item; the hidden part says which organisation each acts on.
        const which = <span className="visually-hidden"> {organization.name}</span>
        return (
          <li
            key={endorsement.id}
            className={`endorsement endorsement--${endorsement.status}`}
            data-testid="endorsement-item"
            data-status={endorsement.status}
            data-source={endorsement.source}
          >
            <div className="endorsement__head">
              <h4 className="endorsement__name">{organization.name}</h4>
              <Badge tone={badge.tone}>{badge.label}</Badge>
              <Badge tone={endorsement.source === 'member' ? 'info' : 'neutral'}>{sourceLabel(endorsement.source)}</Badge>
              {endorsement.confidential ? <Badge tone="warning">Confidential</Badge> : null}
              {endorsement.stale ? (
                <Badge tone="warning" title="Given for an earlier locked text; not counted until re-confirmed">
                  Earlier text
                </Badge>
              ) : null}
            </div>
            <p className="endorsement__meta">
              {organization.country} · {ecosocLabel(organization.ecosocStatus)}
              {organization.website ? (
                <>
                  {' · '}
                  <WebsiteLink url={organization.website} />
                </>
              ) : null}
            </p>
            <dl className="endorsement__details">
              <div>
                <dt>Signatory</dt>
                <dd>
                  {endorsement.signatoryName}
                  {endorsement.signatoryTitle ? `, ${endorsement.signatoryTitle}` : ''}
                </dd>
              </div>
              <div>
                <dt>E-mail</dt>
                <dd>{endorsement.contactEmail ? <a href={`mailto:${endorsement.contactEmail}`}>{endorsement.contactEmail}</a> : '—'}</dd>
              </div>
              <div>
                <dt>{endorsement.source === 'external' ? 'Submitted' : 'Endorsed'}</dt>
                <dd>
                  <time dateTime={endorsement.confirmedAt}>{formatDateTime(endorsement.confirmedAt)}</time>
                </dd>
              </div>
              {endorsement.comment ? (
                <div className="endorsement__comment">
                  <dt>Comment</dt>
                  <dd>{endorsement.comment}</dd>
                </div>
              ) : null}
            </dl>
            {endorsement.duplicateReasons.length > 0 ? (
              <ul className="endorsement__warnings" data-testid="duplicate-warnings">
                {endorsement.duplicateReasons.map((reason) => (
                  <li key={reason}>{duplicateWarning(reason)}</li>
                ))}
              </ul>
            ) : null}
            {endorsement.status === 'pending' && status === 'locked' ? (
              <div className="endorsement__actions">
                <button type="button" className="button button--primary" disabled={busyId !== null} onClick={() => void decide(endorsement, 'approve')}>
                  Approve{which}
                </button>
                <button type="button" className="button button--secondary" disabled={busyId !== null} onClick={() => void decide(endorsement, 'reject')}>
                  Reject{which}
                </button>
              </div>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
