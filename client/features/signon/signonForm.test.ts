import { describe, expect, it } from 'vitest'
import { emptySignonForm, parseSignonForm, signonFieldErrors } from './signonFormValues.js'

const filled = {
  ...emptySignonForm(),
  organizationName: 'Juristas por la Justicia',
  country: 'Colombia',
  ecosocStatus: 'special' as const,
  contactName: 'Lucía Gómez',
  email: 'Lucia@Juristas.example.org',
  consent: true,
}

describe('parseSignonForm', () => {
  it('builds the body; empty optional fields are absent', () => {
    const result = parseSignonForm(filled)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.body).toMatchObject({ organizationName: 'Juristas por la Justicia', email: 'lucia@juristas.example.org', confidential: false, consent: true })
    expect(result.body.website).toBeUndefined()
    expect(result.body.signatoryTitle).toBeUndefined()
    expect(result.body.comment).toBeUndefined()
  })

  it('asks for the status and the consent in words a person can act on', () => {
    const result = parseSignonForm({ ...filled, ecosocStatus: '', consent: false })
    expect(result).toEqual({
      ok: false,
      errors: {
        ecosocStatus: 'Choose your organisation’s ECOSOC status, or “None”',
        consent: 'Tick the box to confirm that your organisation endorses this text',
      },
    })
  })

  it('reports each missing or invalid field', () => {
    const result = parseSignonForm({ ...emptySignonForm(), ecosocStatus: 'none', consent: true, email: 'not an address', website: 'ftp://x.example' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['contactName', 'country', 'email', 'organizationName', 'website'])
    expect(result.errors.organizationName).toBe('Required')
  })
})

describe('signonFieldErrors', () => {
  it('rewords the server’s consent issue too', () => {
    expect(signonFieldErrors([{ path: ['consent'], message: 'consent is required to sign on' }])).toEqual({
      consent: 'Tick the box to confirm that your organisation endorses this text',
    })
  })
})
