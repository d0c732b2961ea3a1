import { describe, expect, it } from 'vitest'
import { loginPathFor, safeNextPath } from './nextPath.js'

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNextPath('/statements/abc?x=1')).toBe('/statements/abc?x=1')
  })

  it.each([null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/login', '/a\nb'])(
    'falls back to / for %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/')
    },
  )
})

describe('loginPathFor', () => {
  it('carries the wanted path, except the home page', () => {
    expect(loginPathFor('/admin')).toBe('/login?next=%2Fadmin')
    expect(loginPathFor('/')).toBe('/login')
  })
})
