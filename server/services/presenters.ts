import type { StatementDto, UserDto } from '../../shared/api/dto.js'
import { statementAccess, type Actor, type StatementAudience } from '../../shared/domain/permissions.js'
import type { Statement } from '../../shared/domain/statement.js'
import { isDisabled } from '../../shared/domain/user.js'
import type { StoredUser } from '../storage/ports.js'

/** Strips what must never leave the server (the password hash). */
export function presentUser(user: StoredUser): UserDto {
  const { passwordHash: _passwordHash, ...rest } = user
  return { ...rest, disabled: isDisabled(user) }
}

export function presentStatement(statement: Statement, actor: Actor, audience: StatementAudience): StatementDto {
  const access = statementAccess(actor, statement, audience)
  if (access === 'none') throw new Error('presentStatement called for a statement the actor may not read')
  return { ...statement, access }
}
