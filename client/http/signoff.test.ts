import { describe, expect, it } from 'vitest'
import { signoffUrl, verificationUrl } from './signoff.js'

describe('signoffUrl', () => {
  it('asks for the format and order, with the id as one path segment', () => {
    expect(signoffUrl('s1', 'csv', 'name')).toBe('/api/statements/s1/signoff?format=csv&order=name')
    expect(signoffUrl('a/b?c', 'pdf', 'country')).toBe('/api/statements/a%2Fb%3Fc/signoff?format=pdf&order=country')
  })
})

describe('verificationUrl', () => {
  it('keeps the fingerprint readable and cannot leave /verify/', () => {
    const fingerprint = `sha256:${'0a'.repeat(32)}`
    expect(verificationUrl(fingerprint)).toBe(`/verify/${fingerprint}`)
    expect(verificationUrl('../admin')).toBe('/verify/..%2Fadmin')
  })
})
