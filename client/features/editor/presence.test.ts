import { describe, expect, it } from 'vitest'
import { initials, presentUsers, userLabel } from './presence.js'

describe('initials', () => {
  it.each([
    ['Amina Diallo', 'AD'],
    ['josé  maría  García', 'JG'],
    ['Plato', 'P'],
    ['Ólafur Þórsson', 'ÓÞ'],
    ['  ', '?'],
  ])('%j → %s', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })
})

describe('presentUsers', () => {
  it('lists each person once, self first, ignoring states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u2', name: 'Zoe Kim', organization: 'PRI', color: '#0d47a1' } }],
      [2, { user: { id: 'u1', name: 'Amina Diallo', organization: 'HRW', color: '#b3261e' } }],
      [3, { user: { id: 'u2', name: 'Zoe Kim', organization: 'PRI', color: '#0d47a1' } }],
      [4, {}],
      [5, { user: { name: 'Bo', organization: 'X', color: 'red; background:url(x)' } }],
    ])
    const users = presentUsers(states, 3)
    expect(users.map((user) => [user.name, user.isSelf])).toEqual([
      ['Zoe Kim', true],
      ['Amina Diallo', false],
      ['Bo', false],
    ])
    expect(users[2]?.color).toBe('#5f6368')
  })
})

describe('userLabel', () => {
  it('joins name and organisation', () => {
    expect(userLabel({ name: 'Amina Diallo', organization: 'PRI' })).toBe('Amina Diallo · PRI')
    expect(userLabel({ name: 'Amina Diallo', organization: '' })).toBe('Amina Diallo')
  })
})
