import { useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { CloseDialog } from './CloseDialog.js'
import { LockDialog } from './LockDialog.js'
import { UnlockDialog } from './UnlockDialog.js'

export interface LifecycleOutcome {
  /** Said to the person in the page's status region. */
  message: string
  /** The statement as the server answered, when it did; otherwise the page refetches it. */
  statement?: StatementDto
}

interface LifecycleActionsProps {
  statement: StatementDto
  onChanged: (outcome: LifecycleOutcome) => void
  /** A 409: the statement is not in the state this page shows. */
  onStale: () => void
}

/**
 * Lock, unlock and close, for coordinators and admins (the page decides who sees
 * this; the server decides who may). The buttons follow the status:
 * drafting → lock; locked → unlock or close; closed → nothing.
 */
export function LifecycleActions({ statement, onChanged, onStale }: LifecycleActionsProps) {
  const [open, setOpen] = useState<'lock' | 'unlock' | 'close' | null>(null)
  const close = () => setOpen(null)

  return (
    <>
      {statement.status === 'drafting' ? (
        <button type="button" className="button button--primary" onClick={() => setOpen('lock')}>
          Lock final text
        </button>
      ) : null}
      {statement.status === 'locked' ? (
        <>
          <button type="button" className="button button--secondary" onClick={() => setOpen('unlock')}>
            Unlock
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen('close')}>
            Close sign-on
          </button>
        </>
      ) : null}

      {open === 'lock' ? (
        <LockDialog
          statementId={statement.id}
          onLocked={(result) => {
            close()
            onChanged({ message: `Final text locked as version ${result.version.number}. Editing has stopped for everyone.` })
          }}
          onStale={onStale}
          onCancel={close}
        />
      ) : null}
      {open === 'unlock' ? (
        <UnlockDialog
          statementId={statement.id}
          onUnlocked={(updated) => {
            close()
            onChanged({ message: 'Unlocked: drafters can edit the text again.', statement: updated })
          }}
          onStale={onStale}
          onCancel={close}
        />
      ) : null}
      {open === 'close' ? (
        <CloseDialog
          statementId={statement.id}
          onClosed={(updated) => {
            close()
            onChanged({ message: 'Sign-on closed.', statement: updated })
          }}
          onStale={onStale}
          onCancel={close}
        />
      ) : null}
    </>
  )
}
