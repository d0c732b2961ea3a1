import type { PresentUser } from './presence.js'
import { userLabel } from './presence.js'

export function PresenceList({ users }: { users: PresentUser[] }) {
  return (
    <div className="presence">
      <h2 className="visually-hidden" id="presence-heading">
        In this statement now
      </h2>
      <ul className="presence__list" data-testid="presence-list" aria-labelledby="presence-heading">
        {users.map((user) => (
          <li key={user.key} className="presence__user" data-testid="presence-user" title={userLabel(user) + (user.isSelf ? ' (you)' : '')}>
            <span className="presence__avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {user.initials}
            </span>
            <span className="visually-hidden">
              {userLabel(user)}
              {user.isSelf ? ' (you)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
