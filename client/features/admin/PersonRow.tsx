import type { UserDto } from '../../../shared/api/dto.js'
import { canChangeAccount, type AccountChange, type Actor } from '../../../shared/domain/permissions.js'
import { ROLES, type Role } from '../../../shared/domain/user.js'
import { Badge } from '../../ui/Badge.js'
import { roleLabel } from '../../ui/labels.js'

interface PersonRowProps {
  person: UserDto
  organizationName: string
  me: Actor
  /** The change under way for this person, if any: its controls wait. */
  busy: boolean
  onChange: (person: UserDto, change: AccountChange) => void
  onDisable: (person: UserDto) => void
}

/**
 * One account with its controls. What the viewer may not change is shown as text
 * rather than as a disabled control: the server refuses it anyway (canChangeAccount),
 * and a control that never works is noise for a screen reader.
 */
export function PersonRow({ person, organizationName, me, busy, onChange, onDisable }: PersonRowProps) {
  const manageable = canChangeAccount(me, person, {})
  const roles = ROLES.filter((role) => role === person.role || canChangeAccount(me, person, { role }))
  const self = person.id === me.id

  return (
    <tr data-testid="person-row" aria-busy={busy || undefined}>
      <th scope="row">
        {person.name}
        {self ? <span className="visually-hidden"> (you)</span> : null}
      </th>
      <td>{person.email}</td>
      <td>{organizationName}</td>
      <td>
        {manageable ? (
          <select
            className="input select"
            aria-label={`Role of ${person.name}`}
            value={person.role}
            disabled={busy}
            onChange={(event) => onChange(person, { role: event.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        ) : (
          roleLabel(person.role)
        )}
      </td>
      <td>
        {manageable ? (
          <input
            type="checkbox"
            className="checkbox"
            aria-label={`${person.name} may sign for their organisation`}
            checked={person.canSign}
            disabled={busy}
            onChange={(event) => onChange(person, { canSign: event.target.checked })}
          />
        ) : person.canSign ? (
          'Yes'
        ) : (
          'No'
        )}
      </td>
      <td>
        {person.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}{' '}
        {manageable ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => (person.disabled ? onChange(person, { disabled: false }) : onDisable(person))}
          >
            {person.disabled ? 'Enable' : 'Disable'}
            <span className="visually-hidden"> {person.name}</span>
          </button>
        ) : null}
      </td>
    </tr>
  )
}
