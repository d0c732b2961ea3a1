import { describe, expect, it } from 'vitest'
import { duplicateReasons, emailDomain, isWebmailDomain, normaliseOrganizationName, type DuplicateCandidate } from './duplicates.js'

const candidate = (name: string, contactEmail: string | null, id: string | null = null): DuplicateCandidate => ({ organization: { id, name }, contactEmail })

describe('normaliseOrganizationName', () => {
  it.each([
    ['Asociación Pro Derechos Humanos', 'asociacion pro derechos humanos'],
    ['  The   Howard League ', 'howard league'],
    ['Juristen e.V.', 'juristen'],
    ['Juristen eV', 'juristen'],
    ['Justice Project, Inc.', 'justice project'],
    ['Justice Project Ltd', 'justice project'],
    ['Prison Reform NGO', 'prison reform'],
    ['Women’s Rights & Justice', 'womens rights and justice'],
    ["Women's Rights and Justice", 'womens rights and justice'],
    ['Human-Rights/Watch', 'human rights watch'],
    ['ＦＵＬＬＷＩＤＴＨ', 'fullwidth'],
    ['The', 'the'],
    ['NGO', 'ngo'],
    ['Правозащитный центр', 'правозащитныи центр'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseOrganizationName(input)).toBe(expected)
  })
})

describe('emailDomain', () => {
  it('returns the lower-case domain after the last @', () => {
    expect(emailDomain('Jane.Doe@Example.ORG')).toBe('example.org')
    expect(emailDomain('"odd@local"@example.org')).toBe('example.org')
    expect(emailDomain('x@example.org.')).toBe('example.org')
  })

  it('returns null without a domain', () => {
    expect(emailDomain(null)).toBeNull()
    expect(emailDomain('')).toBeNull()
    expect(emailDomain('no-at-sign')).toBeNull()
    expect(emailDomain('trailing@')).toBeNull()
  })

  it('knows the common webmail domains', () => {
    for (const domain of ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'proton.me', 'protonmail.com']) expect(isWebmailDomain(domain)).toBe(true)
    expect(isWebmailDomain('example.org')).toBe(false)
  })
})

describe('duplicateReasons', () => {
  const members = [
    { id: 'm1', name: 'Penal Reform Alliance', shortName: 'PRA', website: 'https://www.pra.example.org/en' },
    { id: 'm2', name: 'Asociación Justicia', shortName: null, website: null },
  ]

  it('finds nothing for a new organisation', () => {
    expect(duplicateReasons(candidate('New Voices', 'a@newvoices.example'), [candidate('Other', 'b@other.example')], members)).toEqual([])
  })

  it('flags the same name after normalisation', () => {
    expect(duplicateReasons(candidate('The Justice Project, Inc.', 'a@one.example'), [candidate('justice project', 'b@two.example')], [])).toEqual(['same_name'])
  })

  it('flags the same e-mail domain, but never a webmail domain', () => {
    expect(duplicateReasons(candidate('A', 'a@ngo.example'), [candidate('B', 'b@NGO.example')], [])).toEqual(['same_email_domain'])
    expect(duplicateReasons(candidate('A', 'a@gmail.com'), [candidate('B', 'b@gmail.com')], [])).toEqual([])
    expect(duplicateReasons(candidate('A', 'a@proton.me'), [candidate('B', 'b@proton.me')], [])).toEqual([])
  })

  it('flags a member organisation by name, short name or website domain', () => {
    expect(duplicateReasons(candidate('Asociacion Justicia', null), [], members)).toEqual(['member_organization'])
    expect(duplicateReasons(candidate('P.R.A.', null), [], members)).toEqual(['member_organization'])
    expect(duplicateReasons(candidate('Someone', 'x@pra.example.org'), [], members)).toEqual(['member_organization'])
    expect(duplicateReasons(candidate('Someone', 'x@geneva.pra.example.org'), [], members)).toEqual(['member_organization'])
    expect(duplicateReasons(candidate('Someone', 'x@notpra.example.org'), [], members)).toEqual([])
  })

  it('does not flag a member as a duplicate of itself', () => {
    expect(duplicateReasons(candidate('Penal Reform Alliance', 'x@pra.example.org', 'm1'), [], members)).toEqual([])
  })

  it('returns every reason that applies, in a fixed order', () => {
    expect(duplicateReasons(candidate('PRA', 'x@pra.example.org'), [candidate('pra', 'y@pra.example.org')], members)).toEqual([
      'same_name',
      'same_email_domain',
      'member_organization',
    ])
  })
})
