import { describe, expect, it } from 'vitest'
import { changedByText, savedByText, versionBadge, versionOptionLabel, versionTitle } from './versionSummary.js'

describe('version titles and badges', () => {
  it('names automatic versions and badges the kind', () => {
    expect(versionTitle({ label: null })).toBe('Automatic')
    expect(versionBadge({ kind: 'automatic', label: null })).toBeNull()
    expect(versionBadge({ kind: 'named', label: 'Circulated' })).toEqual({ label: 'Named', tone: 'info' })
    expect(versionBadge({ kind: 'restore', label: 'Restored from v2' })).toEqual({ label: 'Restored', tone: 'warning' })
  })

  it('does not repeat "Final text"', () => {
    expect(versionBadge({ kind: 'final', label: 'Final text' })).toBeNull()
    expect(versionBadge({ kind: 'final', label: 'As delivered' })).toEqual({ label: 'Final text', tone: 'success' })
  })

  it('labels options with number and title', () => {
    expect(versionOptionLabel({ number: 3, label: null })).toBe('Version 3 · Automatic')
  })
})

describe('who', () => {
  it('says who saved it', () => {
    expect(savedByText({ kind: 'automatic', createdByName: null })).toBe('Saved automatically')
    expect(savedByText({ kind: 'named', createdByName: 'Amina Diallo' })).toBe('Saved by Amina Diallo')
    expect(savedByText({ kind: 'final', createdByName: null })).toBe('Saved by a former member')
  })

  it('lists the people and organisations who changed the text', () => {
    expect(changedByText({ authorNames: ['Amina Diallo', 'Bo Kim'], organizationNames: ['HRW', 'PRI'] })).toBe('Changed by Amina Diallo, Bo Kim (HRW, PRI)')
    expect(changedByText({ authorNames: [], organizationNames: ['HRW'] })).toBe('Changed by HRW')
    expect(changedByText({ authorNames: [], organizationNames: [] })).toBeNull()
  })
})
