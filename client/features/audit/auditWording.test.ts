import { describe, expect, it } from 'vitest'
import type { AuditEntryDto } from '../../http/lifecycle.js'
import { auditActor, describeAuditEntry, listText, shortFingerprint, type AuditWordingContext } from './auditWording.js'

const context: AuditWordingContext = {
  organizationName: (id) => ({ o1: 'HRW', o2: 'PRI', o3: 'Fair Trials' })[id],
  formatDate: (iso) => `[${iso}]`,
}

const FINGERPRINT = `sha256:${'ab12'.repeat(16)}`

function describe_(action: AuditEntryDto['action'], details: Record<string, unknown>): string {
  return describeAuditEntry({ action, details }, context)
}

describe('describeAuditEntry', () => {
  it('words the lifecycle', () => {
    expect(describe_('locked', { fingerprint: FINGERPRINT, versionNumber: 3, versionId: 'v' })).toBe('locked the final text (v3, sha256:ab12ab12ab12…)')
    expect(describe_('unlocked', { reason: 'Amendment from PRI', previousFingerprint: FINGERPRINT })).toBe('unlocked the text: “Amendment from PRI”')
    expect(describe_('closed', { fingerprint: FINGERPRINT })).toBe('closed sign-on')
  })

  it('words versions', () => {
    expect(describe_('version_named', { versionNumber: 4, label: 'Circulated to members' })).toBe('saved version 4 “Circulated to members”')
    expect(describe_('version_restored', { versionNumber: 6, restoredFromVersionNumber: 2 })).toBe('restored version 2 (now version 6)')
    expect(describe_('statement_created', { title: 'Prison conditions' })).toBe('created the statement “Prison conditions”')
  })

  it('words each changed setting with its old and new value', () => {
    expect(
      describe_('settings_changed', {
        changes: {
          title: { from: 'Draft', to: 'Joint statement' },
          wordLimit: { from: null, to: 1500 },
          speakingLimitSeconds: { from: 180, to: null },
          deadline: { from: '2025-05-01T10:00:00Z', to: '2025-05-02T10:00:00Z' },
          visibility: { from: 'members', to: 'drafters' },
          kind: { from: 'oral', to: 'written' },
        },
      }),
    ).toBe(
      'changed the title from “Draft” to “Joint statement”; set the word limit to 1,500 words; removed the speaking-time limit; ' +
        'changed the deadline from [2025-05-01T10:00:00Z] to [2025-05-02T10:00:00Z]; changed the visibility from “All members” to “Confidential”; ' +
        'changed the kind from oral to written',
    )
  })

  it('names the drafting organisations added and removed', () => {
    expect(describe_('settings_changed', { changes: { draftingOrganizationIds: { from: ['o1'], to: ['o2', 'o3', 'o9'] } } })).toBe(
      'added PRI, Fair Trials and a former organisation to the drafting organisations; removed HRW from the drafting organisations',
    )
  })

  it('still says something about details it cannot read', () => {
    expect(describe_('settings_changed', {})).toBe('changed the settings')
    expect(describe_('settings_changed', { changes: { colour: { from: 'red', to: 'blue' } } })).toBe('changed the colour')
    expect(describe_('locked', {})).toBe('locked the final text (v?, no fingerprint)')
    expect(describeAuditEntry({ action: 'archived' as AuditEntryDto['action'], details: {} }, context)).toBe('made a change (archived)')
  })
})

describe('endorsement entries', () => {
  const staff: AuditWordingContext = { ...context, namesEndorsers: true }
  const word = (action: AuditEntryDto['action'], details: Record<string, unknown>, wordingContext = context) =>
    describeAuditEntry({ action, details }, wordingContext)

  it('name the organisations to coordinators', () => {
    expect(word('endorsed', { organization: 'PRI', confidential: false }, staff)).toBe('endorsed the final text for PRI')
    expect(word('endorsed', { organization: 'PRI', confidential: true }, staff)).toBe('endorsed the final text for PRI (confidential)')
    expect(word('endorsement_submitted', { organization: 'Juristas' }, staff)).toBe('received a sign-on from Juristas, waiting for approval')
    expect(word('endorsement_approved', { organization: 'Juristas' }, staff)).toBe('approved the endorsement of Juristas')
    expect(word('endorsement_rejected', { organization: 'Juristas' }, staff)).toBe('rejected the endorsement of Juristas')
    expect(word('endorsement_withdrawn', { organization: 'PRI' }, staff)).toBe('withdrew the endorsement of PRI')
    expect(word('endorsement_confirmed', { organization: 'PRI' }, staff)).toBe('re-confirmed the endorsement of PRI for the current text')
  })

  it('name nobody to members, whatever the entry carries', () => {
    expect(word('endorsed', { organization: 'PRI', confidential: true })).toBe('endorsed the final text confidentially')
    expect(word('endorsed', { organization: 'PRI', confidential: false })).toBe('endorsed the final text')
    expect(word('endorsement_submitted', { organization: 'Juristas' })).toBe('received a sign-on from an outside organisation')
    expect(word('endorsement_approved', { organization: 'Juristas' })).toBe('approved an endorsement')
  })

  it('word sign-on links and exports', () => {
    expect(word('signon_link_created', { expiresAt: '2025-06-01T00:00:00Z' })).toBe('created a sign-on link, valid until [2025-06-01T00:00:00Z]')
    expect(word('signon_link_revoked', {})).toBe('revoked a sign-on link')
    expect(word('signoff_exported', { format: 'pdf', order: 'name' })).toBe('exported the sign-off list (PDF)')
  })
})

describe('helpers', () => {
  it('names the actor', () => {
    expect(auditActor({ actorId: 'u1', actorName: 'Amina Diallo' })).toBe('Amina Diallo')
    expect(auditActor({ actorId: 'u1', actorName: null })).toBe('A former member')
    expect(auditActor({ actorId: null, actorName: null })).toBe('Plenary')
  })

  it('joins lists and shortens fingerprints', () => {
    expect(listText(['A'])).toBe('A')
    expect(listText(['A', 'B'])).toBe('A and B')
    expect(shortFingerprint('sha256:abc')).toBe('sha256:abc')
  })
})
