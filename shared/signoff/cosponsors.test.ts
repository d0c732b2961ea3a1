import { describe, expect, it } from 'vitest'
import type { EcosocStatus } from '../domain/organization.js'
import { cosponsorBlock, joinWithAnd, orderEndorsements, type CosponsorEntry } from './cosponsors.js'

const entry = (name: string, country: string, ecosocStatus: EcosocStatus, confirmedAt = '2025-05-01T10:00:00Z', confidential = false): CosponsorEntry => ({
  organization: { name, country, ecosocStatus },
  confirmedAt,
  confidential,
})

const names = (list: CosponsorEntry[]) => list.map((e) => e.organization.name)

const list = [
  entry('Zentrum für Menschenrechte', 'Austria', 'special', '2025-05-03T09:00:00Z'),
  entry('The Howard League', 'United Kingdom', 'roster', '2025-05-01T12:00:00+02:00'),
  entry('Ärzte ohne Grenzen', 'Germany', 'general', '2025-05-02T08:00:00Z'),
  entry('amnesty Kenya', 'Kenya', 'none', '2025-05-01T09:30:00Z'),
  entry('Barreau de Paris', 'France', 'special', '2025-04-30T23:00:00Z'),
]

describe('orderEndorsements', () => {
  it('orders by name, ignoring case, accents and a leading "The"', () => {
    expect(names(orderEndorsements(list, 'name'))).toEqual([
      'amnesty Kenya',
      'Ärzte ohne Grenzen',
      'Barreau de Paris',
      'The Howard League',
      'Zentrum für Menschenrechte',
    ])
  })

  it('orders by country, then name', () => {
    const withSameCountry = [...list, entry('Austrian Bar', 'Austria', 'none')]
    expect(names(orderEndorsements(withSameCountry, 'country'))).toEqual([
      'Austrian Bar',
      'Zentrum für Menschenrechte',
      'Barreau de Paris',
      'Ärzte ohne Grenzen',
      'amnesty Kenya',
      'The Howard League',
    ])
  })

  it('orders by status general < special < roster < none, then name', () => {
    expect(names(orderEndorsements(list, 'status'))).toEqual([
      'Ärzte ohne Grenzen',
      'Barreau de Paris',
      'Zentrum für Menschenrechte',
      'The Howard League',
      'amnesty Kenya',
    ])
  })

  it('orders by date, oldest first, comparing instants across offsets', () => {
    // 12:00+02:00 is 10:00Z: after 09:30Z and 23:00Z the day before.
    expect(names(orderEndorsements(list, 'date'))).toEqual([
      'Barreau de Paris',
      'amnesty Kenya',
      'The Howard League',
      'Ärzte ohne Grenzen',
      'Zentrum für Menschenrechte',
    ])
  })

  it('is stable: equal keys keep their input order, and the input is not changed', () => {
    const a = entry('The Arc', 'X', 'none', '2025-05-01T10:00:00Z')
    const b = entry('ARC', 'X', 'none', '2025-05-01T10:00:00Z')
    const input = [a, b]
    expect(orderEndorsements(input, 'name')).toEqual([a, b])
    expect(orderEndorsements([b, a], 'name')).toEqual([b, a])
    expect(orderEndorsements([b, a], 'date')).toEqual([b, a])
    expect(input).toEqual([a, b])
  })

  it('puts unreadable dates last', () => {
    const bad = entry('Bad date', 'X', 'none', 'not a date')
    const good = entry('Good date', 'X', 'none', '2030-01-01T00:00:00Z')
    expect(names(orderEndorsements([bad, good], 'date'))).toEqual(['Good date', 'Bad date'])
  })
})

describe('joinWithAnd', () => {
  it('joins without an Oxford comma', () => {
    expect(joinWithAnd([])).toBe('')
    expect(joinWithAnd(['A'])).toBe('A')
    expect(joinWithAnd(['A', 'B'])).toBe('A and B')
    expect(joinWithAnd(['A', 'B', 'C'])).toBe('A, B and C')
  })
})

describe('cosponsorBlock', () => {
  it('lists organisations with status on one line with countries, the others in the closing sentence', () => {
    const block = cosponsorBlock(
      [entry('B', 'Austria', 'special'), entry('A', 'Kenya', 'general'), entry('C', 'Brazil', 'roster'), entry('Y', 'Chile', 'none'), entry('X', 'India', 'none')],
      'name',
    )
    expect(block).toEqual({
      lines: ['Endorsed by: A (Kenya), B (Austria) and C (Brazil).'],
      closingSentence: 'The following organisations without consultative status also share the views expressed in this statement: X and Y.',
    })
  })

  it('uses the singular for one organisation without status', () => {
    expect(cosponsorBlock([entry('A', 'Kenya', 'general'), entry('X', 'India', 'none')], 'name').closingSentence).toBe(
      'The following organisation without consultative status also shares the views expressed in this statement: X.',
    )
  })

  it('writes one line per status group when ordered by status, skipping empty groups', () => {
    const block = cosponsorBlock(list, 'status')
    expect(block.lines).toEqual([
      'In general consultative status with ECOSOC: Ärzte ohne Grenzen.',
      'In special consultative status with ECOSOC: Barreau de Paris and Zentrum für Menschenrechte.',
      'On the ECOSOC roster: The Howard League.',
    ])
    expect(block.closingSentence).toBe(
      'The following organisation without consultative status also shares the views expressed in this statement: amnesty Kenya.',
    )
  })

  it('follows the requested order in both the line and the closing sentence', () => {
    const block = cosponsorBlock(list, 'date')
    expect(block.lines).toEqual([
      'Endorsed by: Barreau de Paris (France), The Howard League (United Kingdom), Ärzte ohne Grenzen (Germany) and Zentrum für Menschenrechte (Austria).',
    ])
  })

  it('has no lines and no closing sentence for an empty list', () => {
    expect(cosponsorBlock([], 'name')).toEqual({ lines: [], closingSentence: null })
    expect(cosponsorBlock([], 'status')).toEqual({ lines: [], closingSentence: null })
  })

  it('has no closing sentence when every organisation has status, and no line when none has', () => {
    expect(cosponsorBlock([entry('A', 'Kenya', 'general')], 'country').closingSentence).toBeNull()
    expect(cosponsorBlock([entry('X', 'India', 'none')], 'country').lines).toEqual([])
  })

  it('never names a confidential endorser', () => {
    const block = cosponsorBlock([entry('Open', 'Kenya', 'general'), entry('Secret', 'Iran', 'general', undefined, true), entry('Hidden', 'Iran', 'none', undefined, true)], 'status')
    expect(block).toEqual({ lines: ['In general consultative status with ECOSOC: Open.'], closingSentence: null })
  })

  it('omits empty countries and does not double a name’s full stop', () => {
    const block = cosponsorBlock([entry('Juristen e.V.', '', 'special'), entry('Verein e.V.', 'Austria', 'none')], 'name')
    expect(block.lines).toEqual(['Endorsed by: Juristen e.V.'])
    expect(block.closingSentence).toBe('The following organisation without consultative status also shares the views expressed in this statement: Verein e.V.')
  })

  it('writes a name with line breaks or runs of spaces on one line', () => {
    const block = cosponsorBlock([entry('Quote "Q", Comma\nand  Newline Org', ' Chile ', 'special'), entry('Two\r\nLines', 'Peru', 'none')], 'name')
    expect(block.lines).toEqual(['Endorsed by: Quote "Q", Comma and Newline Org (Chile).'])
    expect(block.closingSentence).toBe('The following organisation without consultative status also shares the views expressed in this statement: Two Lines.')
  })
})
