import { useEffect, useRef, useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { isStaff } from '../../../shared/domain/permissions.js'
import { useMe } from '../../app/SessionContext.js'
import { endorsementsApi, isFullEndorsement, type EndorsementListDto } from '../../http/endorsements.js'
import { useResource } from '../../http/useResource.js'
import { ErrorMessage, LoadError, Loading, StatusMessage } from '../../ui/Feedback.js'
import { EndorseForm } from './EndorseForm.js'
import { EndorsementReviewList } from './EndorsementReviewList.js'
import { countsDetails, countsSummary, endorsementErrorMessage, isLifecycleConflict } from './endorsementWording.js'
import { MyEndorsement } from './MyEndorsement.js'
import { PublicEndorsementList } from './PublicEndorsementList.js'
import { SignoffExport } from './SignoffExport.js'
import { SignonLinksSection } from './SignonLinksSection.js'
import '../../styles/endorsements.css'

interface EndorsementsPanelProps {
  /** Locked or closed: the page shows this panel only then. */
  statement: StatementDto
  /**
   * The server says the statement is no longer where the page thinks (unlocked, closed).
   * The page says `message` and refetches; this panel may disappear with the lock.
   */
  onStatementStale: (message: string) => void
}

type Notice = { tone: 'success' | 'error'; text: string }

/**
 * Sign-on to the locked text: the caller's organisation endorses, re-confirms or
 * withdraws; members see who signed publicly; coordinators see everything, decide
 * on outside organisations, hand out sign-on links, and export the sign-off list.
 */
export function EndorsementsPanel({ statement, onStatementStale }: EndorsementsPanelProps) {
  const me = useMe()
  const staff = isStaff(me.user)
  // A lock, an unlock-and-relock (a new fingerprint) or closing changes what the list says.
  const refreshKey = `${statement.status}:${statement.lock?.fingerprint ?? ''}:${statement.updatedAt}`
  const { resource, reload } = useResource(`endorsements:${statement.id}:${refreshKey}`, (signal) => endorsementsApi.list(statement.id, signal), {
    keepPrevious: true,
  })
  const [notice, setNotice] = useState<Notice | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  const noticeRef = useRef<HTMLDivElement>(null)

  // "Endorsed" stops being news once the statement is unlocked, relocked or closed.
  const [noticeFor, setNoticeFor] = useState(refreshKey)
  if (noticeFor !== refreshKey) {
    setNoticeFor(refreshKey)
    setNotice(null)
  }

  // Endorsing, withdrawing and deciding replace the buttons that did it: focus goes to what happened instead of nowhere.
  useEffect(() => {
    if (focusRequest > 0) noticeRef.current?.focus()
  }, [focusRequest])

  function say(next: Notice) {
    setNotice(next)
    setFocusRequest((count) => count + 1)
  }

  function changed(message: string) {
    say({ tone: 'success', text: message })
    reload()
  }

  /** After a refusal the list (or the statement) is out of date: catch up. */
  function catchUp(error: unknown) {
    if (isLifecycleConflict(error)) onStatementStale(endorsementErrorMessage(error))
    else reload()
  }

  function failed(error: unknown) {
    if (!isLifecycleConflict(error)) say({ tone: 'error', text: endorsementErrorMessage(error) })
    catchUp(error)
  }

  return (
    <section className="panel endorsements" data-testid="endorsements" aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading">Endorsements</h2>
      <div className="live-slot" aria-live="polite" ref={noticeRef} tabIndex={-1}>
        {notice?.tone === 'success' ? <StatusMessage>{notice.text}</StatusMessage> : null}
        {notice?.tone === 'error' ? <ErrorMessage>{notice.text}</ErrorMessage> : null}
      </div>

      {resource.status === 'loading' ? <Loading label="Loading endorsements…" /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        <EndorsementsContent
          statement={statement}
          list={resource.data}
          staff={staff}
          onChanged={changed}
          onError={failed}
          onConflict={catchUp}
        />
      ) : null}

      {staff ? <SignonLinksSection statement={statement} /> : null}
      {statement.lock ? <SignoffExport statementId={statement.id} fingerprint={statement.lock.fingerprint} staff={staff} /> : null}
    </section>
  )
}

interface EndorsementsContentProps {
  statement: StatementDto
  list: EndorsementListDto
  staff: boolean
  onChanged: (message: string) => void
  onError: (error: unknown) => void
  onConflict: (error: unknown) => void
}

function EndorsementsContent({ statement, list, staff, onChanged, onError, onConflict }: EndorsementsContentProps) {
  const { user, organization } = useMe()
  const { mine, counts } = list
  const open = statement.status === 'locked'
  const details = countsDetails(counts)

  return (
    <>
      <p className="endorsements__counts" data-testid="endorsement-counts">
        <strong>{countsSummary(counts)}</strong>
        {details.length > 0 ? <span className="muted"> · {details.join(' · ')}</span> : null}
      </p>
      {statement.status === 'closed' ? <p className="muted">Sign-on is closed: this list is final.</p> : null}

      {mine ? (
        <MyEndorsement
          statementId={statement.id}
          status={statement.status}
          endorsement={mine}
          canAct={user.canSign || staff}
          onChanged={onChanged}
          onError={onError}
          onConflict={onConflict}
        />
      ) : null}
      {!mine && open && user.canSign ? (
        <EndorseForm
          statementId={statement.id}
          organizationName={organization.name}
          defaultSignatory={user.name}
          versionNumber={statement.lock?.versionNumber ?? 0}
          onEndorsed={(endorsement) =>
            onChanged(`${endorsement.organization.name} endorsed the final text${endorsement.confidential ? ', confidentially' : ''}.`)
          }
          onError={onError}
        />
      ) : null}
      {!mine && open && !user.canSign && !staff ? (
        <p className="muted">{organization.name} has not endorsed this text. Someone who may sign for your organisation can endorse it here.</p>
      ) : null}

      <h3 className="endorsements__list-heading">{staff ? 'All endorsements' : 'Organisations that endorsed'}</h3>
      {staff ? (
        <EndorsementReviewList
          statementId={statement.id}
          status={statement.status}
          endorsements={list.endorsements.filter(isFullEndorsement)}
          onChanged={onChanged}
          onError={onError}
        />
      ) : (
        <PublicEndorsementList endorsements={list.endorsements} />
      )}
    </>
  )
}
