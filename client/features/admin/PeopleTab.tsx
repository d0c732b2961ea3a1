import { useState } from 'react'
import type { OrganizationDto, UserDto } from '../../../shared/api/dto.js'
import type { AccountChange } from '../../../shared/domain/permissions.js'
import { isApiError } from '../../http/ApiError.js'
import { usersApi } from '../../http/users.js'
import { useResource } from '../../http/useResource.js'
import { useMe } from '../../app/SessionContext.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'
import { describeError, ErrorMessage, LoadError, Loading, StatusMessage } from '../../ui/Feedback.js'
import { roleLabel } from '../../ui/labels.js'
import { organizationNames } from './organizationNames.js'
import { PersonRow } from './PersonRow.js'

/** What just happened, said once above the table (role="status" / "alert"). */
type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; text: string } | null

function describeChange(person: UserDto, change: AccountChange): string {
  if (change.role !== undefined) return `${person.name} is now ${roleLabel(change.role).toLowerCase()}.`
  if (change.canSign !== undefined) return change.canSign ? `${person.name} may now sign for their organisation.` : `${person.name} may no longer sign.`
  if (change.disabled !== undefined) return change.disabled ? `${person.name} is disabled and signed out everywhere.` : `${person.name} may sign in again.`
  return `${person.name} was updated.`
}

function describeFailure(error: unknown): string {
  if (isApiError(error, 'last_admin')) return 'Plenary needs at least one enabled administrator: make someone else an administrator first.'
  return describeError(error)
}

export function PeopleTab({ organizations }: { organizations: OrganizationDto[] }) {
  const { user: me } = useMe()
  // keepPrevious: the table stays mounted while it reloads after a change, so focus stays on the control used.
  const { resource, reload } = useResource('users', (signal) => usersApi.list(signal), { keepPrevious: true })
  const organizationName = organizationNames(organizations)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [disabling, setDisabling] = useState<UserDto | null>(null)
  const [dialogError, setDialogError] = useState<string | null>(null)

  async function change(person: UserDto, patch: AccountChange): Promise<void> {
    setBusyId(person.id)
    setOutcome(null)
    try {
      await usersApi.update(person.id, patch)
      setOutcome({ kind: 'done', text: describeChange(person, patch) })
      reload()
    } catch (error) {
      setOutcome({ kind: 'failed', text: describeFailure(error) })
    } finally {
      setBusyId(null)
    }
  }

  async function confirmDisable() {
    if (!disabling) return
    setDialogError(null)
    const person = disabling
    setBusyId(person.id)
    try {
      await usersApi.update(person.id, { disabled: true })
      setOutcome({ kind: 'done', text: describeChange(person, { disabled: true }) })
      setDisabling(null)
      reload()
    } catch (error) {
      setDialogError(describeFailure(error))
    } finally {
      setBusyId(null)
    }
  }

  return (
    <>
      <h2>People</h2>
      {outcome?.kind === 'done' ? <StatusMessage>{outcome.text}</StatusMessage> : null}
      {outcome?.kind === 'failed' ? <ErrorMessage>{outcome.text}</ErrorMessage> : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <LoadError error={resource.error} onRetry={reload} /> : null}
      {resource.status === 'ready' ? (
        <div className="table-wrap">
          <table className="table" data-testid="people-table">
            <caption className="visually-hidden">People with an account</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">May sign</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.users.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  organizationName={organizationName(person.organizationId)}
                  me={me}
                  busy={busyId === person.id}
                  onChange={(target, patch) => void change(target, patch)}
                  onDisable={(target) => {
                    setDialogError(null)
                    setDisabling(target)
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {disabling ? (
        <ConfirmDialog
          title={`Disable ${disabling.name}?`}
          confirmLabel="Disable account"
          tone="danger"
          busy={busyId === disabling.id}
          error={dialogError}
          onConfirm={() => void confirmDisable()}
          onCancel={() => setDisabling(null)}
          data-testid="disable-dialog"
        >
          <p>
            {disabling.name} will be signed out at once, their open editors will close, and they will not be able to sign in until
            someone enables the account again. Their past work and endorsements stay as they are.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  )
}
