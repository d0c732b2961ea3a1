import { describe, expect, it } from 'vitest'
import type { AuditEntryDto } from '../../http/lifecycle.js'
import { actorNameFromAudit } from './actorNames.js'

const entry = (action: AuditEntryDto['action'], actorId: string | null, actorName: string | null): AuditEntryDto => ({
  id: `${action}-${actorId}`,
  statementId: 's1',
  at: '2025-05-20T12:00:00Z',
  action,
  actorId,
  actorName,
  details: {},
})

describe('actorNameFromAudit', () => {
  const entries = [entry('statement_created', 'u1', 'Amina Diallo'), entry('locked', 'u2', 'Bo Kim'), entry('unlocked', 'u3', null)]

  it('names the person from their entry', () => {
    expect(actorNameFromAudit(entries, 'u2', 'locked')).toBe('Bo Kim')
    expect(actorNameFromAudit(entries, 'u1', 'locked')).toBe('Amina Diallo')
  })

  it('knows removed accounts and missing entries apart', () => {
    expect(actorNameFromAudit(entries, 'u3', 'unlocked')).toBe('a former member')
    expect(actorNameFromAudit(entries, 'u9', 'locked')).toBeUndefined()
  })
})
