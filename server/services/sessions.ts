import { isDisabled } from '../../shared/domain/user.js'
import { hashToken, newToken } from '../security/tokens.js'
import type { StoredSession, StoredUser } from '../storage/ports.js'
import type { ServiceContext } from './context.js'

export interface ResolvedSession {
  session: StoredSession
  user: StoredUser
}

/** A new session with a fresh id: called at every sign-in so a planted session id is never upgraded. */
export async function startSession(ctx: ServiceContext, userId: string): Promise<{ token: string; session: StoredSession }> {
  const token = newToken()
  const now = ctx.now()
  const session = await ctx.storage.sessions.create({
    id: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.sessionTtlMs).toISOString(),
  })
  return { token, session }
}

export async function resolveSession(ctx: ServiceContext, token: string | undefined): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null
  const session = await ctx.storage.sessions.get(hashToken(token))
  if (!session) return null
  if (Date.parse(session.expiresAt) <= ctx.now().getTime()) {
    await ctx.storage.sessions.delete(session.id)
    ctx.events.emit('sessionEnded', session.id)
    return null
  }
  const user = await ctx.storage.users.get(session.userId)
  if (!user) return null
  // Disabling deletes the sessions too; this covers a session created in the same instant.
  if (isDisabled(user)) return null
  return { session, user }
}

export async function endSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.storage.sessions.delete(sessionId)
  ctx.events.emit('sessionEnded', sessionId)
}

/** Is this session still valid now? Used by the relay to re-check long-lived sockets. */
export async function sessionIsLive(ctx: ServiceContext, sessionId: string): Promise<boolean> {
  const session = await ctx.storage.sessions.get(sessionId)
  return session !== null && Date.parse(session.expiresAt) > ctx.now().getTime()
}
