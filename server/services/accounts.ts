import { randomUUID } from 'node:crypto'
import type { MeDto } from '../../shared/api/dto.js'
import { isDisabled, type Role } from '../../shared/domain/user.js'
import { HttpError } from '../http/httpError.js'
import { decoyPasswordHash, hashPassword, verifyPassword } from '../security/password.js'
import { StorageConflictError, type StoredUser } from '../storage/ports.js'
import type { ServiceContext } from './context.js'
import { presentUser } from './presenters.js'

export async function authenticate(ctx: ServiceContext, email: string, password: string): Promise<StoredUser> {
  const user = await ctx.storage.users.findByEmail(email.trim().toLowerCase())
  // Verify against a decoy when the account does not exist, so response time does not reveal which e-mails are registered.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()))
  if (!user || !valid) throw new HttpError('invalid_credentials', 'Wrong e-mail or password')
  // Only after the password matched: a wrong guess learns nothing about the account.
  if (isDisabled(user)) throw new HttpError('account_disabled', 'This account has been disabled; ask a coordinator')
  return user
}

export async function describeUser(ctx: ServiceContext, user: StoredUser): Promise<MeDto> {
  const organization = await ctx.storage.organizations.get(user.organizationId)
  if (!organization) throw new Error(`User ${user.id} belongs to missing organisation ${user.organizationId}`)
  return { user: presentUser(user), organization }
}

export interface NewUser {
  email: string
  name: string
  password: string
  organizationId: string
  role: Role
  canSign: boolean
}

export async function createUser(ctx: ServiceContext, input: NewUser): Promise<StoredUser> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await ctx.storage.users.create({
      id: randomUUID(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      organizationId: input.organizationId,
      role: input.role,
      canSign: input.canSign,
      disabled: false,
      passwordHash,
      createdAt: ctx.now().toISOString(),
    })
  } catch (error) {
    if (error instanceof StorageConflictError) throw new HttpError('email_taken', 'Someone already has an account with this e-mail')
    throw error
  }
}
