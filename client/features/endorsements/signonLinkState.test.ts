import { describe, expect, it } from 'vitest'
import type { SignonLinkDto } from '../../http/signonLinks.js'
import { shortLink, signonLinkState, sortSignonLinks } from './signonLinkState.js'

describe('signonLinkState', () => {
  it('tells revoked from expired', () => {
    expect(signonLinkState({ active: true, revokedAt: null })).toBe('active')
    expect(signonLinkState({ active: false, revokedAt: '2025-05-20T12:00:00Z' })).toBe('revoked')
    expect(signonLinkState({ active: false, revokedAt: null })).toBe('expired')
  })
})

describe('sortSignonLinks', () => {
  it('lists working links first, newest first', () => {
    const link = (id: string, active: boolean, createdAt: string) => ({ id, active, createdAt }) as SignonLinkDto
    const sorted = sortSignonLinks([link('old', true, '2025-05-01T00:00:00Z'), link('dead', false, '2025-05-09T00:00:00Z'), link('new', true, '2025-05-05T00:00:00Z')])
    expect(sorted.map((l) => l.id)).toEqual(['new', 'old', 'dead'])
  })
})

describe('shortLink', () => {
  it('keeps the start and end of the token', () => {
    expect(shortLink('https://plenary.example.org/signon/AbCdEfGhIjKlMnOpQrSt')).toBe('https://plenary.example.org/signon/AbCdEf…QrSt')
    expect(shortLink('https://plenary.example.org/signon/short')).toBe('https://plenary.example.org/signon/short')
  })
})
