import type { UserDto } from '../../shared/api/dto.js'
import { canListUsers, type Actor } from '../../shared/domain/permissions.js'
import { forbidden } from '../http/httpError.js'
import type { ServiceContext } from './context.js'
import { presentUser } from './presenters.js'

export async function listUsers(ctx: ServiceContext, actor: Actor): Promise<UserDto[]> {
  if (!canListUsers(actor)) throw forbidden('Only coordinators and admins list people')
  const users = await ctx.storage.users.list()
  return users.map(presentUser).sort((a, b) => a.name.localeCompare(b.name))
}
