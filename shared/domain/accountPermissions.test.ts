import { describe, expect, it } from 'vitest'
import { canChangeAccount, removesLastAdmin, type AccountChange, type Actor } from './permissions.js'
import type { Role } from './user.js'

// Account rules live in permissions.ts; their table is here so it does not interleave with the statement-access table.
const actor = (role: Role): Actor => ({ id: role, role, organizationId: 'o', canSign: false })

describe('who may change an account', () => {
  it.each([
    // actor, target's role, change, allowed
    ['admin', 'admin', { disabled: true }, true],
    ['admin', 'member', { role: 'admin' }, true],
    ['admin', 'coordinator', { role: 'member' }, true],
    ['coordinator', 'member', { role: 'coordinator' }, true],
    ['coordinator', 'member', { canSign: true, disabled: true }, true],
    ['coordinator', 'coordinator', { disabled: true }, true],
    ['coordinator', 'coordinator', { role: 'member' }, true],
    ['coordinator', 'member', { role: 'admin' }, false],
    ['coordinator', 'admin', { canSign: false }, false],
    ['coordinator', 'admin', { disabled: true }, false],
    ['coordinator', 'admin', { role: 'member' }, false],
    ['member', 'member', { canSign: true }, false],
    ['member', 'member', {}, false],
  ] as [Role, Role, AccountChange, boolean][])('%s changing a %s with %j: %s', (who, target, change, allowed) => {
    expect(canChangeAccount(actor(who), { role: target }, change)).toBe(allowed)
  })
})

describe('the last admin', () => {
  const user = (id: string, role: Role, disabled = false) => ({ id, role, disabled })

  it('refuses to demote or disable the only enabled admin', () => {
    const users = [user('a', 'admin'), user('b', 'coordinator'), user('c', 'admin', true)]
    expect(removesLastAdmin(users, 'a', { role: 'coordinator' })).toBe(true)
    expect(removesLastAdmin(users, 'a', { disabled: true })).toBe(true)
    expect(removesLastAdmin(users, 'a', { role: 'admin', disabled: false, canSign: false })).toBe(false)
    expect(removesLastAdmin(users, 'a', { canSign: true })).toBe(false)
  })

  it('lets one of two admins step down, and anyone change non-admins', () => {
    const users = [user('a', 'admin'), user('b', 'admin'), user('m', 'member')]
    expect(removesLastAdmin(users, 'a', { role: 'member' })).toBe(false)
    expect(removesLastAdmin(users, 'm', { disabled: true })).toBe(false)
    expect(removesLastAdmin([user('a', 'admin')], 'a', { role: undefined, disabled: undefined })).toBe(false)
  })

  it('reads a record without the disabled field as enabled', () => {
    const legacy = { id: 'a', role: 'admin' as const } as { id: string; role: Role; disabled: boolean }
    expect(removesLastAdmin([legacy], 'a', { disabled: true })).toBe(true)
  })
})
