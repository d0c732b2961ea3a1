import type { UserDto } from '../../shared/api/dto.js'
import type { UpdateUserBody } from '../../shared/api/users.js'
import { canChangeAccount, canListUsers, removesLastAdmin, type Actor } from '../../shared/domain/permissions.js'
import { isDisabled } from '../../shared/domain/user.js'
import { forbidden, HttpError, notFound } from '../http/httpError.js'
import type { ServiceContext } from './context.js'
import { KeyedMutex } from './keyedMutex.js'
import { presentUser } from './presenters.js'

export async function listUsers(ctx: ServiceContext, actor: Actor): Promise<UserDto[]> {
  if (!canListUsers(actor)) throw forbidden('Only coordinators and admins list people')
  const users = await ctx.storage.users.list()
  return users.map(presentUser).sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * Account changes run one at a time: two admins demoting each other at once would
 * otherwise both pass the last-admin check and leave nobody in charge.
 */
const accountMutex = new KeyedMutex()

/**
 * Changes a person's role, signing right or disabled flag. Disabling ends every
 * session of theirs; every change announces `userChanged`, on which the
 * collaboration relay re-authorises their live sockets (4401 when disabled,
 * downgraded or 4404 when the new role no longer reaches a statement).
 */
export async function updateUser(ctx: ServiceContext, actor: Actor, userId: string, change: UpdateUserBody): Promise<UserDto> {
  // Members are refused before the target is looked up, so they cannot probe which ids exist.
  if (!canListUsers(actor)) throw forbidden('Only coordinators and admins manage accounts')
  const updated = await accountMutex.run('accounts', async () => {
    // Judged on the actor as stored now, not as the request found them: an admin demoted
    // by the change queued before this one is no longer an admin.
    const current = await ctx.storage.users.get(actor.id)
    if (!current || isDisabled(current) || !canListUsers(current)) throw forbidden('Only coordinators and admins manage accounts')
    const target = await ctx.storage.users.get(userId)
    if (!target) throw notFound('No such person')
    if (!canChangeAccount(current, target, change)) throw forbidden('Only admins change admins or make someone an admin')
    if (removesLastAdmin(await ctx.storage.users.list(), userId, change)) {
      throw new HttpError('last_admin', 'This would leave Plenary without an enabled admin; make someone else an admin first')
    }
    const user = await ctx.storage.users.update(userId, change)
    if (!user) throw notFound('No such person')
    if (change.disabled === true) await ctx.storage.sessions.deleteForUser(userId)
    return user
  })
  ctx.logger.info(`Account ${userId} changed by ${actor.id}: ${JSON.stringify(change)}`)
  ctx.events.emit('userChanged', userId)
  return presentUser(updated)
}
