import { useState } from 'react'
import type { StatementStatus } from '../../../shared/domain/statement.js'
import { endorsementsApi, type EndorsementDto } from '../../http/endorsements.js'
import { Badge } from '../../ui/Badge.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { formatDateTime } from '../../ui/dates.js'
import { endorsementErrorMessage, statusBadge } from './endorsementWording.js'

interface MyEndorsementProps {
  statementId: string
  status: StatementStatus
  endorsement: EndorsementDto
  /** May withdraw and re-confirm: signs for the organisation, or a coordinator. */
  canAct: boolean
  onChanged: (message: string) => void
  /** Re-confirming failed: the panel says why. */
  onError: (error: unknown) => void
  /** Withdrawing failed: the dialog says why; the panel catches up with what changed. */
  onConflict: (error: unknown) => void
}

/** The caller's organisation's endorsement: what was signed, by whom, and whether it still covers the current text. */
export function MyEndorsement({ statementId, status, endorsement, canAct, onChanged, onError, onConflict }: MyEndorsementProps) {
  const [withdrawing, setWithdrawing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const badge = statusBadge(endorsement.status)
  const organization = endorsement.organization.name

  async function withdraw() {
    setBusy(true)
    setDialogError(null)
    try {
      await endorsementsApi.withdraw(statementId, endorsement.id)
      setWithdrawing(false)
      onChanged(`The endorsement of ${organization} was withdrawn.`)
    } catch (error) {
      setDialogError(endorsementErrorMessage(error))
      onConflict(error)
    } finally {
      setBusy(false)
    }
  }

  async function reconfirm() {
    setBusy(true)
    try {
      await endorsementsApi.confirm(statementId, endorsement.id)
      onChanged(`Re-confirmed: ${organization} endorses the current text.`)
    } catch (error) {
      onError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="my-endorsement" data-testid="my-endorsement" aria-labelledby="my-endorsement-heading">
      <div className="my-endorsement__head">
        <h3 id="my-endorsement-heading">Your organisation’s endorsement</h3>
        <Badge tone={badge.tone}>{badge.label}</Badge>
        {endorsement.confidential ? <Badge tone="warning">Confidential</Badge> : null}
      </div>
      <p>
        {organization} endorsed {endorsement.stale ? 'an earlier text' : 'this text'} on{' '}
        <time dateTime={endorsement.confirmedAt}>{formatDateTime(endorsement.confirmedAt)}</time>, signed by {endorsement.signatoryName}
        {endorsement.signatoryTitle ? `, ${endorsement.signatoryTitle}` : ''}.
        {endorsement.confidential ? ' It is counted, but never named publicly.' : ''}
      </p>
      {endorsement.comment ? (
        <p className="muted">
          Comment: <q>{endorsement.comment}</q>
        </p>
      ) : null}

      {endorsement.stale ? (
        <div className="notice notice--warning" role="note" data-testid="stale-notice">
          <p className="notice__title">Your organisation endorsed an earlier text</p>
          <p>
            The text was unlocked and locked again with different wording. Your endorsement does not count for the current text until you
            re-confirm it{status === 'closed' ? '; sign-on is closed now' : ''}.
          </p>
          {canAct && status === 'locked' ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void reconfirm()}>
              Re-confirm for the current text
            </button>
          ) : null}
        </div>
      ) : null}

      {canAct && status !== 'closed' ? (
        <div className="form__actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setWithdrawing(true)}>
            Withdraw
          </button>
        </div>
      ) : null}

      {withdrawing ? (
        <ConfirmDialog
          title="Withdraw your organisation’s endorsement?"
          confirmLabel="Withdraw endorsement"
          tone="danger"
          busy={busy}
          error={dialogError}
          onConfirm={() => void withdraw()}
          onCancel={() => {
            setWithdrawing(false)
            setDialogError(null)
          }}
          data-testid="withdraw-dialog"
        >
          <p>{organization} will no longer be counted or listed as endorsing this statement.</p>
          <p>You can endorse again while sign-on is open.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
