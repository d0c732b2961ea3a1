import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMemoryStorage, openFileStorage } from './openStorage.js'
import type { Endorsement, SignonLink } from '../../shared/domain/endorsement.js'
import { StorageConflictError, type Storage } from './ports.js'
import type { Statement } from '../../shared/domain/statement.js'
import {
  makeAgendaItem,
  makeAuditEntry,
  makeEndorsement,
  makeForum,
  makeInvitation,
  makeMeeting,
  makeOrganization,
  makeSession,
  makeSignonLink,
  makeStatement,
  makeUser,
  makeVersion,
  makeVersionContent,
  makeWorkingGroup,
} from './testRecords.js'
import { editedDocument, replayedText } from './testYDocs.js'

/**
 * The storage contract (ports.ts), run against every adapter. File-storage-only
 * behaviour (reopening, corrupt files, the directory lock, torn logs) is in
 * fileStorage.test.ts and files/documentLog.test.ts.
 */

interface Adapter {
  name: string
  open(): Promise<{ storage: Storage; cleanup(): Promise<void> }>
}

const adapters: Adapter[] = [
  { name: 'memory', open: async () => ({ storage: createMemoryStorage(), cleanup: async () => {} }) },
  {
    name: 'file',
    open: async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'plenary-contract-'))
      return {
        storage: await openFileStorage(dataDir, { onWarning: () => {} }),
        cleanup: () => rm(dataDir, { recursive: true, force: true }),
      }
    },
  },
]

describe.each(adapters)('$name storage', (adapter) => {
  let storage: Storage
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ storage, cleanup } = await adapter.open())
  })

  afterEach(async () => {
    await storage.close()
    await cleanup()
  })

  describe('organizations', () => {
    it('creates, gets, lists and updates', async () => {
      const first = makeOrganization({ name: 'Penal Reform International' })
      const second = makeOrganization({ name: 'Fair Trials' })
      expect(await storage.organizations.create(first)).toEqual(first)
      await storage.organizations.create(second)

      expect(await storage.organizations.get(first.id)).toEqual(first)
      expect(await storage.organizations.get('no-such-id')).toBeNull()
      expect(await storage.organizations.list()).toEqual([first, second])

      const updated = await storage.organizations.update(first.id, { country: 'Global', website: 'https://www.penalreform.org' })
      expect(updated).toEqual({ ...first, country: 'Global', website: 'https://www.penalreform.org' })
      expect(await storage.organizations.get(first.id)).toEqual(updated)
      expect(await storage.organizations.update('no-such-id', { country: 'Austria' })).toBeNull()
    })

    it('hands out copies, and keeps none of the caller\'s objects', async () => {
      const organization = makeOrganization()
      const expected = { ...structuredClone(organization), shortName: 'PRI' }
      const created = await storage.organizations.create(organization)
      organization.name = 'changed by the caller afterwards'
      created.name = 'changed in the returned object'
      const fetched = await storage.organizations.get(organization.id)
      if (fetched) fetched.country = 'changed in a fetched object'
      const [listed] = await storage.organizations.list()
      if (listed) listed.country = 'changed in a listed object'
      const updated = await storage.organizations.update(organization.id, { shortName: 'PRI' })
      if (updated) updated.shortName = 'changed in an updated object'
      expect(await storage.organizations.get(organization.id)).toEqual(expected)
    })

    it('refuses a second organisation with the same name in any letter case', async () => {
      await storage.organizations.create(makeOrganization({ name: 'Penal Reform International' }))
      const duplicate = storage.organizations.create(makeOrganization({ name: 'PENAL reform international' }))
      await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
      await expect(duplicate).rejects.toMatchObject({ field: 'name' })
      expect(await storage.organizations.list()).toHaveLength(1)
    })

    it('refuses a rename onto another organisation\'s name but allows recasing its own', async () => {
      await storage.organizations.create(makeOrganization({ name: 'Fair Trials' }))
      const other = await storage.organizations.create(makeOrganization({ name: 'Reprieve' }))
      await expect(storage.organizations.update(other.id, { name: 'fair trials' })).rejects.toMatchObject({ field: 'name' })
      expect((await storage.organizations.get(other.id))?.name).toBe('Reprieve')
      expect((await storage.organizations.update(other.id, { name: 'REPRIEVE' }))?.name).toBe('REPRIEVE')
    })

    it('ignores undefined values and the id in a patch', async () => {
      const organization = await storage.organizations.create(makeOrganization({ shortName: 'PRI' }))
      const patch = { shortName: undefined, id: 'hijacked', country: 'Global' } as Partial<typeof organization>
      expect(await storage.organizations.update(organization.id, patch)).toEqual({ ...organization, country: 'Global' })
      expect(await storage.organizations.get('hijacked')).toBeNull()
    })

    it('refuses a second record with the same id', async () => {
      const organization = await storage.organizations.create(makeOrganization())
      await expect(storage.organizations.create(makeOrganization({ id: organization.id }))).rejects.toMatchObject({ field: 'id' })
    })
  })

  describe('users', () => {
    it('creates, gets, counts, lists and updates, keeping the password hash', async () => {
      expect(await storage.users.count()).toBe(0)
      const user = makeUser({ email: 'Amina@Example.org' })
      expect(await storage.users.create(user)).toEqual(user)
      const other = await storage.users.create(makeUser())

      expect(await storage.users.get(user.id)).toEqual(user)
      expect(await storage.users.get('no-such-id')).toBeNull()
      expect(await storage.users.count()).toBe(2)
      expect(await storage.users.list()).toEqual([user, other])

      const updated = await storage.users.update(user.id, { role: 'coordinator', canSign: true, passwordHash: 'scrypt$new' })
      expect(updated).toEqual({ ...user, role: 'coordinator', canSign: true, passwordHash: 'scrypt$new' })
      expect(await storage.users.get(user.id)).toEqual(updated)
      expect(await storage.users.update('no-such-id', { name: 'Nobody' })).toBeNull()
    })

    it('finds a user by e-mail in any letter case', async () => {
      const user = await storage.users.create(makeUser({ email: 'Amina.Odhiambo@Example.org' }))
      expect(await storage.users.findByEmail('amina.odhiambo@example.ORG')).toEqual(user)
      expect(await storage.users.findByEmail('someone.else@example.org')).toBeNull()
    })

    it('refuses an e-mail address that is taken, on create and on update', async () => {
      await storage.users.create(makeUser({ email: 'amina@example.org' }))
      const other = await storage.users.create(makeUser({ email: 'jonas@example.org' }))
      const duplicate = storage.users.create(makeUser({ email: 'AMINA@example.org' }))
      await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
      await expect(duplicate).rejects.toMatchObject({ field: 'email' })
      await expect(storage.users.update(other.id, { email: 'Amina@Example.org' })).rejects.toMatchObject({ field: 'email' })
      expect(await storage.users.count()).toBe(2)
      expect((await storage.users.get(other.id))?.email).toBe('jonas@example.org')
    })

    it('hands out copies', async () => {
      const user = makeUser()
      const expected = structuredClone(user)
      const created = await storage.users.create(user)
      user.passwordHash = 'changed by the caller'
      created.role = 'admin'
      const found = await storage.users.findByEmail(user.email)
      if (found) found.canSign = true
      expect(await storage.users.get(user.id)).toEqual(expected)
    })
  })

  describe('sessions', () => {
    it('creates, gets and deletes', async () => {
      const session = makeSession()
      expect(await storage.sessions.create(session)).toEqual(session)
      expect(await storage.sessions.get(session.id)).toEqual(session)
      await storage.sessions.delete(session.id)
      expect(await storage.sessions.get(session.id)).toBeNull()
      await expect(storage.sessions.delete(session.id)).resolves.toBeUndefined()
    })

    it('deletes every session of one user and no other', async () => {
      const mine = [makeSession({ userId: 'user-a' }), makeSession({ userId: 'user-a' })]
      const theirs = makeSession({ userId: 'user-b' })
      for (const session of [...mine, theirs]) await storage.sessions.create(session)
      await storage.sessions.deleteForUser('user-a')
      for (const session of mine) expect(await storage.sessions.get(session.id)).toBeNull()
      expect(await storage.sessions.get(theirs.id)).toEqual(theirs)
    })

    it('deletes sessions that expire at or before now, and says how many', async () => {
      const now = new Date('2025-03-10T12:00:00.000Z')
      const expired = makeSession({ expiresAt: '2025-03-10T11:59:59.999Z' })
      const expiringNow = makeSession({ expiresAt: now.toISOString() })
      const live = makeSession({ expiresAt: '2025-03-10T12:00:00.001Z' })
      for (const session of [expired, expiringNow, live]) await storage.sessions.create(session)

      expect(await storage.sessions.deleteExpired(now)).toBe(2)
      expect(await storage.sessions.get(expired.id)).toBeNull()
      expect(await storage.sessions.get(expiringNow.id)).toBeNull()
      expect(await storage.sessions.get(live.id)).toEqual(live)
      expect(await storage.sessions.deleteExpired(now)).toBe(0)
    })

    it('hands out copies', async () => {
      const session = makeSession()
      const expected = structuredClone(session)
      const created = await storage.sessions.create(session)
      session.expiresAt = '2099-01-01T00:00:00.000Z'
      created.userId = 'changed in the returned object'
      const fetched = await storage.sessions.get(session.id)
      if (fetched) fetched.userId = 'changed in a fetched object'
      expect(await storage.sessions.get(session.id)).toEqual(expected)
    })
  })

  describe('invitations', () => {
    it('creates, lists and finds by token hash', async () => {
      const invitation = makeInvitation()
      expect(await storage.invitations.create(invitation)).toEqual(invitation)
      const other = await storage.invitations.create(makeInvitation())
      expect(await storage.invitations.list()).toEqual([invitation, other])
      expect(await storage.invitations.findByTokenHash(invitation.tokenHash)).toEqual(invitation)
      expect(await storage.invitations.findByTokenHash('unknown')).toBeNull()
    })

    it('accepts an invitation once', async () => {
      const invitation = await storage.invitations.create(makeInvitation())
      expect(await storage.invitations.markAccepted(invitation.id, 'user-1', '2025-03-02T10:00:00.000Z')).toBe(true)
      expect(await storage.invitations.markAccepted(invitation.id, 'user-2', '2025-03-02T10:05:00.000Z')).toBe(false)
      expect(await storage.invitations.findByTokenHash(invitation.tokenHash)).toEqual({
        ...invitation,
        acceptedAt: '2025-03-02T10:00:00.000Z',
        acceptedUserId: 'user-1',
      })
      expect(await storage.invitations.markAccepted('no-such-id', 'user-1', '2025-03-02T10:00:00.000Z')).toBe(false)
    })

    it('lets exactly one of two simultaneous acceptances win', async () => {
      const invitation = await storage.invitations.create(makeInvitation())
      const outcomes = await Promise.all([
        storage.invitations.markAccepted(invitation.id, 'user-1', '2025-03-02T10:00:00.000Z'),
        storage.invitations.markAccepted(invitation.id, 'user-2', '2025-03-02T10:00:00.000Z'),
      ])
      expect(outcomes.filter(Boolean)).toHaveLength(1)
      const winner = outcomes[0] ? 'user-1' : 'user-2'
      expect((await storage.invitations.findByTokenHash(invitation.tokenHash))?.acceptedUserId).toBe(winner)
    })

    it('hands out copies', async () => {
      const invitation = makeInvitation()
      const expected = structuredClone(invitation)
      const created = await storage.invitations.create(invitation)
      invitation.role = 'admin'
      created.canSign = false
      const [listed] = await storage.invitations.list()
      if (listed) listed.acceptedAt = '2025-03-02T10:00:00.000Z'
      expect(await storage.invitations.findByTokenHash(invitation.tokenHash)).toEqual(expected)
    })
  })

  describe('statements', () => {
    it('creates, gets, lists and updates', async () => {
      const statement = makeStatement()
      expect(await storage.statements.create(statement)).toEqual(statement)
      expect(await storage.statements.get(statement.id)).toEqual(statement)
      expect(await storage.statements.list()).toEqual([statement])
      const updated = await storage.statements.update(statement.id, { title: 'Revised title', deadline: '2025-05-20T08:00:00.000Z' })
      expect(updated).toEqual({ ...statement, title: 'Revised title', deadline: '2025-05-20T08:00:00.000Z' })
      expect(await storage.statements.get(statement.id)).toEqual(updated)
      expect(await storage.statements.update('no-such-id', { title: 'x' })).toBeNull()
      expect(await storage.statements.get('no-such-id')).toBeNull()
    })

    it('hands out copies, nested arrays included', async () => {
      const statement = makeStatement({ draftingOrganizationIds: ['org-1'] })
      const created = await storage.statements.create(statement)
      statement.draftingOrganizationIds.push('pushed by the caller')
      created.draftingOrganizationIds.push('pushed into the returned object')
      const fetched = await storage.statements.get(statement.id)
      fetched?.draftingOrganizationIds.push('pushed into a fetched object')
      expect((await storage.statements.get(statement.id))?.draftingOrganizationIds).toEqual(['org-1'])
    })

    it('loads a statement stored before meetings and working groups existed with those fields null', async () => {
      const {
        meetingId: _meetingId,
        agendaItemId: _agendaItemId,
        workingGroupId: _workingGroupId,
        submittingOrganizationId: _submittingOrganizationId,
        ...old
      } = makeStatement()
      const current = { ...old, meetingId: null, agendaItemId: null, workingGroupId: null, submittingOrganizationId: null }
      expect(await storage.statements.create(old as Statement)).toEqual(current)
      expect(await storage.statements.get(old.id)).toEqual(current)
      expect(await storage.statements.list()).toEqual([current])
      expect(await storage.statements.update(old.id, { title: 'Renamed' })).toEqual({ ...current, title: 'Renamed' })
      const attached = await storage.statements.update(old.id, { meetingId: 'meeting-1', workingGroupId: 'group-1' })
      expect(attached).toMatchObject({ meetingId: 'meeting-1', agendaItemId: null, workingGroupId: 'group-1', submittingOrganizationId: null })
      expect(await storage.statements.get(old.id)).toEqual(attached)
    })

    it('keeps every one of 200 simultaneous creates exactly once', async () => {
      const statements = Array.from({ length: 200 }, (_, index) => makeStatement({ title: `Statement ${index}` }))
      await Promise.all(statements.map((statement) => storage.statements.create(statement)))
      const stored = await storage.statements.list()
      expect(stored).toHaveLength(200)
      expect(new Set(stored.map((statement) => statement.id))).toEqual(new Set(statements.map((statement) => statement.id)))
    })
  })

  describe('documents', () => {
    it('loads nothing for a statement without stored state', async () => {
      expect(await storage.documents.load('unknown-statement')).toEqual([])
    })

    it('reproduces a Y.Doc from its appended updates', async () => {
      const { doc, updates } = editedDocument(['We, the undersigned ', 'organisations, ', 'call on States'])
      for (const update of updates) await storage.documents.append('statement-1', update)
      const loaded = await storage.documents.load('statement-1')
      expect(loaded).toHaveLength(updates.length)
      expect(replayedText(loaded)).toBe(doc.getText('t').toString())
      expect(await storage.documents.load('statement-2')).toEqual([])
    })

    it('keeps its own copy of the bytes, and hands out copies', async () => {
      const { doc, updates } = editedDocument(['Joint statement'])
      for (const update of updates) await storage.documents.append('statement-1', update)
      for (const update of updates) update.fill(0)
      for (const loaded of await storage.documents.load('statement-1')) loaded.fill(0)
      expect(replayedText(await storage.documents.load('statement-1'))).toBe(doc.getText('t').toString())
    })

    it('compacts the history into one state that gives the same document', async () => {
      const { doc, updates } = editedDocument(['Item 3: ', 'prison ', 'conditions ', 'and ', 'pre-trial detention'])
      for (const update of updates) await storage.documents.append('statement-1', update)
      await storage.documents.compact('statement-1', Y.encodeStateAsUpdate(doc))
      const compacted = await storage.documents.load('statement-1')
      expect(compacted.length).toBeLessThan(updates.length)
      expect(compacted).toHaveLength(1)
      expect(replayedText(compacted)).toBe(doc.getText('t').toString())

      const appends: Promise<void>[] = []
      doc.on('update', (update: Uint8Array) => appends.push(storage.documents.append('statement-1', update)))
      doc.getText('t').insert(0, '[Draft] ')
      await Promise.all(appends)
      const afterMoreEdits = await storage.documents.load('statement-1')
      expect(afterMoreEdits).toHaveLength(2)
      expect(replayedText(afterMoreEdits)).toBe(doc.getText('t').toString())
    })

    it('runs appends and compactions of one statement in the order they were called', async () => {
      const { doc, updates } = editedDocument(Array.from({ length: 20 }, (_, index) => `sentence ${index}. `))
      const half = Math.floor(updates.length / 2)
      const partial = new Y.Doc()
      for (const update of updates.slice(0, half)) Y.applyUpdate(partial, update)
      await Promise.all([
        ...updates.slice(0, half).map((update) => storage.documents.append('statement-1', update)),
        storage.documents.compact('statement-1', Y.encodeStateAsUpdate(partial)),
        ...updates.slice(half).map((update) => storage.documents.append('statement-1', update)),
      ])
      const loaded = await storage.documents.load('statement-1')
      expect(loaded).toHaveLength(1 + updates.length - half)
      expect(replayedText(loaded)).toBe(doc.getText('t').toString())
    })

    it.each(['../escape', 'a/b', 'a\\b', '', '.', 'x'.repeat(65), 'with space', 'dot.ted', 'café'])(
      'rejects the statement id %j',
      async (statementId) => {
        const state = Y.encodeStateAsUpdate(editedDocument(['x']).doc)
        await expect(storage.documents.load(statementId)).rejects.toMatchObject({ code: 'INVALID_STATEMENT_ID' })
        await expect(storage.documents.append(statementId, state)).rejects.toMatchObject({ code: 'INVALID_STATEMENT_ID' })
        await expect(storage.documents.compact(statementId, state)).rejects.toMatchObject({ code: 'INVALID_STATEMENT_ID' })
      },
    )

    it('accepts the longest and oddest ids the server may generate', async () => {
      for (const statementId of ['x'.repeat(64), 'A-z_0-9', '8f14e45f-ceea-467f-a0e6-1d3b1c2a5e9b']) {
        await storage.documents.append(statementId, Y.encodeStateAsUpdate(editedDocument(['x']).doc))
        expect(await storage.documents.load(statementId)).toHaveLength(1)
      }
    })

    it('refuses to compact to an empty state', async () => {
      await expect(storage.documents.compact('statement-1', new Uint8Array())).rejects.toBeInstanceOf(RangeError)
    })
  })

  describe('versions', () => {
    const numbersOf = (versions: { number: number }[]) => versions.map((version) => version.number)

    it('numbers each statement\'s versions 1, 2, 3… on its own', async () => {
      const created = []
      for (const statementId of ['statement-a', 'statement-b', 'statement-a', 'statement-a', 'statement-b']) {
        created.push(await storage.versions.create(makeVersion({ statementId }), makeVersionContent()))
      }
      expect(created.map((version) => [version.statementId, version.number])).toEqual([
        ['statement-a', 1],
        ['statement-b', 1],
        ['statement-a', 2],
        ['statement-a', 3],
        ['statement-b', 2],
      ])
    })

    it('returns the created version: what was given plus its number', async () => {
      const version = makeVersion({ kind: 'named', label: 'Circulated to members, 3 May', createdBy: 'user-1' })
      const created = await storage.versions.create(version, makeVersionContent())
      expect(created).toEqual({ ...version, number: 1 })
    })

    it('gives 50 simultaneous creates for one statement the numbers 1 to 50, each once, beside another statement', async () => {
      const creates = ['statement-a', 'statement-b'].flatMap((statementId) =>
        Array.from({ length: 50 }, (_, index) => storage.versions.create(makeVersion({ statementId }), makeVersionContent(`text ${index}`))),
      )
      const created = await Promise.all(creates)
      const oneToFifty = Array.from({ length: 50 }, (_, index) => index + 1)
      for (const statementId of ['statement-a', 'statement-b']) {
        const numbers = created.filter((version) => version.statementId === statementId).map((version) => version.number)
        expect(numbers.sort((a, b) => a - b)).toEqual(oneToFifty)
        expect(numbersOf(await storage.versions.list(statementId))).toEqual(oneToFifty.toReversed())
      }
    })

    it('lists one statement\'s versions, newest first, and none of another\'s', async () => {
      const mine = []
      for (let index = 0; index < 3; index++) {
        mine.push(await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent()))
        await storage.versions.create(makeVersion({ statementId: 'statement-b' }), makeVersionContent())
      }
      expect(await storage.versions.list('statement-a')).toEqual(mine.toReversed())
      expect(numbersOf(await storage.versions.list('statement-b'))).toEqual([3, 2, 1])
      expect(await storage.versions.list('statement-c')).toEqual([])
    })

    it('gets a version only through its own statement', async () => {
      const version = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      expect(await storage.versions.get('statement-a', version.id)).toEqual(version)
      expect(await storage.versions.get('statement-b', version.id)).toBeNull()
      expect(await storage.versions.get('statement-a', 'no-such-version')).toBeNull()
    })

    it('finds the latest version of each statement', async () => {
      expect(await storage.versions.latest('statement-a')).toBeNull()
      await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      const second = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      const other = await storage.versions.create(makeVersion({ statementId: 'statement-b' }), makeVersionContent())
      expect(await storage.versions.latest('statement-a')).toEqual(second)
      expect(await storage.versions.latest('statement-b')).toEqual(other)
    })

    it('gives back the content exactly, and only through the version\'s own statement', async () => {
      const content = makeVersionContent('Madam Chair, we welcome the resolution.')
      const expected = structuredClone(content)
      const version = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), content)
      expect(await storage.versions.content('statement-a', version.id)).toEqual(expected)
      expect(await storage.versions.content('statement-b', version.id)).toBeNull()
      expect(await storage.versions.content('statement-a', 'no-such-version')).toBeNull()
    })

    it('keeps what JSON keeps of a content, in every adapter', async () => {
      const content = { json: { type: 'doc', dropped: undefined, at: new Date('2025-05-03T10:00:00.000Z'), nested: [1, 'two', null] } }
      const version = await storage.versions.create(makeVersion(), content)
      expect(await storage.versions.content(version.statementId, version.id)).toStrictEqual({
        json: { type: 'doc', at: '2025-05-03T10:00:00.000Z', nested: [1, 'two', null] },
      })
    })

    it('refuses a content that JSON cannot hold, before storing anything', async () => {
      const version = makeVersion()
      await expect(storage.versions.create(version, { json: { words: 10n } })).rejects.toBeInstanceOf(TypeError)
      await expect(storage.versions.create(version, { json: undefined })).rejects.toBeInstanceOf(TypeError)
      expect(await storage.versions.list(version.statementId)).toEqual([])
      expect((await storage.versions.create(version, makeVersionContent())).number).toBe(1)
    })

    it('hands out copies of summaries and contents, and keeps none of the caller\'s objects', async () => {
      const version = makeVersion({ statementId: 'statement-a', authorIds: ['user-1'] })
      const content = makeVersionContent()
      const expectedContent = structuredClone(content)
      const created = await storage.versions.create(version, content)
      const expectedVersion = structuredClone(created)
      version.authorIds.push('pushed by the caller')
      ;(content.json as { type: string }).type = 'changed by the caller'
      created.authorIds.push('pushed into the returned object')
      ;(await storage.versions.get('statement-a', version.id))?.authorIds.push('pushed into a fetched object')
      ;(await storage.versions.list('statement-a'))[0]?.authorIds.push('pushed into a listed object')
      ;(await storage.versions.latest('statement-a'))?.authorIds.push('pushed into the latest')
      const fetchedContent = await storage.versions.content('statement-a', version.id)
      ;(fetchedContent?.json as { content: unknown[] }).content.push('pushed into a fetched content')

      expect(await storage.versions.get('statement-a', version.id)).toEqual(expectedVersion)
      expect(await storage.versions.content('statement-a', version.id)).toEqual(expectedContent)
    })

    it('refuses an id that is taken, in any statement, and keeps the first version\'s content', async () => {
      const first = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent('first'))
      for (const statementId of ['statement-a', 'statement-b']) {
        const duplicate = storage.versions.create(makeVersion({ id: first.id, statementId }), makeVersionContent('second'))
        await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
        await expect(duplicate).rejects.toMatchObject({ field: 'id' })
      }
      expect(await storage.versions.content('statement-a', first.id)).toEqual(makeVersionContent('first'))
      expect(await storage.versions.list('statement-a')).toEqual([first])
      expect(await storage.versions.list('statement-b')).toEqual([])
      // A refused create does not use up a number.
      expect((await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())).number).toBe(2)
    })

    it('lets exactly one of two simultaneous creates with one id win, with its own content', async () => {
      const id = 'version-1'
      const outcomes = await Promise.allSettled([
        storage.versions.create(makeVersion({ id, statementId: 'statement-a' }), makeVersionContent('from the first')),
        storage.versions.create(makeVersion({ id, statementId: 'statement-a' }), makeVersionContent('from the second')),
      ])
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
      const winner = outcomes[0]?.status === 'fulfilled' ? 'from the first' : 'from the second'
      expect(await storage.versions.content('statement-a', id)).toEqual(makeVersionContent(winner))
      expect(numbersOf(await storage.versions.list('statement-a'))).toEqual([1])
    })

    it.each(['../escape', 'a/b', 'a\\b', '', '.', 'x'.repeat(65), 'dot.ted'])('refuses to create with the id %j, and finds nothing under it', async (badId) => {
      await expect(storage.versions.create(makeVersion({ statementId: badId }), makeVersionContent())).rejects.toMatchObject({
        code: 'INVALID_STATEMENT_ID',
      })
      await expect(storage.versions.create(makeVersion({ id: badId }), makeVersionContent())).rejects.toMatchObject({
        code: 'INVALID_VERSION_ID',
      })
      expect(await storage.versions.list(badId)).toEqual([])
      expect(await storage.versions.latest(badId)).toBeNull()
      expect(await storage.versions.get('statement-a', badId)).toBeNull()
      expect(await storage.versions.content(badId, 'version-1')).toBeNull()
      expect(await storage.versions.content('statement-a', badId)).toBeNull()
    })

    it('accepts the longest and oddest ids the server may generate', async () => {
      for (const id of ['x'.repeat(64), 'A-z_0-9', '8f14e45f-ceea-467f-a0e6-1d3b1c2a5e9b']) {
        const version = await storage.versions.create(makeVersion({ id, statementId: id }), makeVersionContent(id))
        expect(await storage.versions.content(id, version.id)).toEqual(makeVersionContent(id))
      }
    })
  })

  describe('audit', () => {
    it('lists one statement\'s entries oldest first, and none of another\'s', async () => {
      const created = makeAuditEntry({ statementId: 'statement-a', action: 'statement_created' })
      const theirs = makeAuditEntry({ statementId: 'statement-b' })
      const locked = makeAuditEntry({ statementId: 'statement-a', action: 'locked' })
      for (const entry of [created, theirs, locked]) expect(await storage.audit.append(entry)).toEqual(entry)
      expect(await storage.audit.list('statement-a')).toEqual([created, locked])
      expect(await storage.audit.list('statement-b')).toEqual([theirs])
      expect(await storage.audit.list('statement-c')).toEqual([])
    })

    it('keeps 50 simultaneous appends in the order they were made', async () => {
      const entries = Array.from({ length: 50 }, (_, index) => makeAuditEntry({ statementId: 'statement-a', details: { index } }))
      await Promise.all(entries.map((entry) => storage.audit.append(entry)))
      expect(await storage.audit.list('statement-a')).toEqual(entries)
    })

    it('refuses a second entry with the same id', async () => {
      const entry = await storage.audit.append(makeAuditEntry({ statementId: 'statement-a' }))
      const duplicate = storage.audit.append(makeAuditEntry({ id: entry.id, statementId: 'statement-a' }))
      await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
      await expect(duplicate).rejects.toMatchObject({ field: 'id' })
      expect(await storage.audit.list('statement-a')).toEqual([entry])
    })

    it('hands out copies, details included', async () => {
      const entry = makeAuditEntry({ statementId: 'statement-a', details: { changed: ['title'] } })
      const expected = structuredClone(entry)
      const appended = await storage.audit.append(entry)
      ;(entry.details.changed as string[]).push('pushed by the caller')
      appended.details.reason = 'added to the returned object'
      const [listed] = await storage.audit.list('statement-a')
      if (listed) listed.action = 'closed'
      expect(await storage.audit.list('statement-a')).toEqual([expected])
    })
  })

  describe('endorsements', () => {
    const withdrawn = { status: 'withdrawn', withdrawnAt: '2025-03-03T09:00:00.000Z', withdrawnBy: 'user-1' } as const
    const idsOf = (endorsements: { id: string }[]) => endorsements.map((endorsement) => endorsement.id)

    it('creates, gets, lists oldest first and updates, each only through its own statement', async () => {
      const first = makeEndorsement({ statementId: 'statement-a' })
      const theirs = makeEndorsement({ statementId: 'statement-b' })
      const second = makeEndorsement({ statementId: 'statement-a', source: 'external', status: 'pending', organization: { id: null } })
      for (const endorsement of [first, theirs, second]) expect(await storage.endorsements.create(endorsement)).toEqual(endorsement)

      expect(await storage.endorsements.list('statement-a')).toEqual([first, second])
      expect(await storage.endorsements.list('statement-b')).toEqual([theirs])
      expect(await storage.endorsements.list('statement-c')).toEqual([])
      expect(await storage.endorsements.get('statement-a', first.id)).toEqual(first)
      expect(await storage.endorsements.get('statement-b', first.id)).toBeNull()
      expect(await storage.endorsements.get('statement-a', 'no-such-id')).toBeNull()

      const confirmed = await storage.endorsements.update('statement-a', first.id, { fingerprint: `sha256:${'1'.repeat(64)}`, confirmedAt: '2025-03-04T09:00:00.000Z' })
      expect(confirmed).toEqual({ ...first, fingerprint: `sha256:${'1'.repeat(64)}`, confirmedAt: '2025-03-04T09:00:00.000Z' })
      expect(await storage.endorsements.get('statement-a', first.id)).toEqual(confirmed)
      // An update keeps the record's place: the list stays in creation order.
      expect(idsOf(await storage.endorsements.list('statement-a'))).toEqual([first.id, second.id])

      expect(await storage.endorsements.update('statement-b', first.id, withdrawn)).toBeNull()
      expect(await storage.endorsements.update('statement-a', 'no-such-id', withdrawn)).toBeNull()
      expect(await storage.endorsements.get('statement-a', first.id)).toEqual(confirmed)
    })

    it('hands out copies, the organisation included, and keeps none of the caller\'s objects', async () => {
      const endorsement = makeEndorsement({ statementId: 'statement-a' })
      const expected = { ...structuredClone(endorsement), comment: 'We support paragraph 4' }
      const created = await storage.endorsements.create(endorsement)
      endorsement.organization.name = 'changed by the caller afterwards'
      created.organization.country = 'changed in the returned object'
      const fetched = await storage.endorsements.get('statement-a', endorsement.id)
      if (fetched) fetched.organization.website = 'https://changed.example.org'
      const [listed] = await storage.endorsements.list('statement-a')
      if (listed) listed.status = 'rejected'
      const patch = { comment: 'We support paragraph 4' }
      const updated = await storage.endorsements.update('statement-a', endorsement.id, patch)
      patch.comment = 'changed in the patch afterwards'
      if (updated) updated.organization.name = 'changed in an updated object'
      expect(await storage.endorsements.get('statement-a', endorsement.id)).toEqual(expected)
    })

    it('refuses a second endorsement with the same id, in any statement', async () => {
      const endorsement = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a' }))
      for (const statementId of ['statement-a', 'statement-b']) {
        const duplicate = storage.endorsements.create(makeEndorsement({ id: endorsement.id, statementId }))
        await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
        await expect(duplicate).rejects.toMatchObject({ field: 'id' })
      }
      expect(await storage.endorsements.list('statement-a')).toEqual([endorsement])
      expect(await storage.endorsements.list('statement-b')).toEqual([])
    })

    it('refuses a second active endorsement of a member organisation, pending or approved', async () => {
      const organization = { id: 'organization-1', name: 'Penal Reform International' }
      const approved = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      for (const status of ['approved', 'pending'] as const) {
        const second = storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status, organization }))
        await expect(second).rejects.toBeInstanceOf(StorageConflictError)
        await expect(second).rejects.toMatchObject({ field: 'organization', message: expect.stringContaining('Penal Reform International') })
      }
      expect(await storage.endorsements.list('statement-a')).toEqual([approved])
    })

    it('stores 200 simultaneous endorsements by 200 organisations of one statement, each exactly once', async () => {
      const endorsements = Array.from({ length: 200 }, (_, index) =>
        makeEndorsement({ statementId: 'statement-a', organization: { id: `organization-${index}` } }),
      )
      const created = await Promise.all(endorsements.map((endorsement) => storage.endorsements.create(endorsement)))
      expect(created).toEqual(endorsements)
      const listed = await storage.endorsements.list('statement-a')
      expect(listed).toHaveLength(200)
      expect(new Set(idsOf(listed)).size).toBe(200)
      expect(new Set(listed.map((endorsement) => endorsement.organization.id)).size).toBe(200)
      expect(listed).toEqual(endorsements)
    })

    it('lets exactly one of 20 simultaneous endorsements by one organisation win', async () => {
      const attempts = Array.from({ length: 20 }, (_, index) =>
        makeEndorsement({ statementId: 'statement-a', status: index % 2 === 0 ? 'approved' : 'pending', organization: { id: 'organization-1' } }),
      )
      const outcomes = await Promise.allSettled(attempts.map((endorsement) => storage.endorsements.create(endorsement)))
      const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(19)
      for (const reason of lost) {
        expect(reason).toBeInstanceOf(StorageConflictError)
        expect(reason).toMatchObject({ field: 'organization' })
      }
      expect(await storage.endorsements.list('statement-a')).toEqual(won)
    })

    it('lets a withdrawn or rejected endorsement stand beside a new active one', async () => {
      const organization = { id: 'organization-1' }
      const first = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      const firstWithdrawn = await storage.endorsements.update('statement-a', first.id, withdrawn)
      const second = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'pending', organization }))
      const secondRejected = await storage.endorsements.update('statement-a', second.id, { status: 'rejected', decidedBy: 'coordinator-1' })
      const third = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      // History may be recorded as it was, beside the active one.
      const imported = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'withdrawn', organization }))
      expect(await storage.endorsements.list('statement-a')).toEqual([firstWithdrawn, secondRejected, third, imported])
    })

    it('refuses to make an endorsement active again while another one of its organisation is', async () => {
      const organization = { id: 'organization-1' }
      const old = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'withdrawn', organization }))
      const current = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'pending', organization }))
      for (const status of ['approved', 'pending'] as const) {
        const reactivation = storage.endorsements.update('statement-a', old.id, { status })
        await expect(reactivation).rejects.toBeInstanceOf(StorageConflictError)
        await expect(reactivation).rejects.toMatchObject({ field: 'organization' })
      }
      expect(await storage.endorsements.get('statement-a', old.id)).toEqual(old)
      // The active one may change, its own index entry is no clash…
      const approved = await storage.endorsements.update('statement-a', current.id, { status: 'approved', decidedBy: 'coordinator-1' })
      expect(approved?.status).toBe('approved')
      // …and once it is withdrawn, the old one may come back.
      await storage.endorsements.update('statement-a', current.id, withdrawn)
      expect((await storage.endorsements.update('statement-a', old.id, { status: 'approved' }))?.status).toBe('approved')
    })

    it('lets one of two simultaneous reactivations of one organisation win', async () => {
      const organization = { id: 'organization-1' }
      const one = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'withdrawn', organization }))
      const two = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', status: 'rejected', organization }))
      const outcomes = await Promise.allSettled([
        storage.endorsements.update('statement-a', one.id, { status: 'approved' }),
        storage.endorsements.update('statement-a', two.id, { status: 'pending' }),
      ])
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
      const active = (await storage.endorsements.list('statement-a')).filter((endorsement) => ['approved', 'pending'].includes(endorsement.status))
      expect(active).toHaveLength(1)
    })

    it('refuses a patch that would move an endorsement onto an organisation that has an active one', async () => {
      await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization: { id: 'organization-1' } }))
      const other = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization: { id: 'organization-2' } }))
      const moved = storage.endorsements.update('statement-a', other.id, { organization: { ...other.organization, id: 'organization-1' } })
      await expect(moved).rejects.toMatchObject({ field: 'organization' })
      expect(await storage.endorsements.get('statement-a', other.id)).toEqual(other)
    })

    it('does not constrain outside organisations, whatever their names', async () => {
      const outside = { id: null, name: 'Justice Project Pakistan' }
      const endorsements = [
        makeEndorsement({ statementId: 'statement-a', source: 'external', status: 'pending', organization: outside }),
        makeEndorsement({ statementId: 'statement-a', source: 'external', status: 'pending', organization: outside }),
        makeEndorsement({ statementId: 'statement-a', source: 'external', status: 'approved', organization: outside }),
      ]
      await Promise.all(endorsements.map((endorsement) => storage.endorsements.create(endorsement)))
      const [first] = endorsements
      if (!first) throw new Error('no endorsement')
      expect(await storage.endorsements.update('statement-a', first.id, { status: 'approved' })).toEqual({ ...first, status: 'approved' })
      expect(await storage.endorsements.list('statement-a')).toHaveLength(3)
    })

    it('keeps statements apart: one organisation may be active on each', async () => {
      const organization = { id: 'organization-1' }
      const onA = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      const onB = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-b', organization }))
      expect(await storage.endorsements.list('statement-a')).toEqual([onA])
      expect(await storage.endorsements.list('statement-b')).toEqual([onB])
      // Withdrawing on one statement frees only that one.
      await storage.endorsements.update('statement-a', onA.id, withdrawn)
      await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      await expect(storage.endorsements.create(makeEndorsement({ statementId: 'statement-b', organization }))).rejects.toMatchObject({
        field: 'organization',
      })
    })

    it('ignores the id, the statement and undefined values in a patch', async () => {
      const endorsement = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', comment: 'kept' }))
      const patch = { id: 'hijacked', statementId: 'statement-b', comment: undefined, signatoryTitle: null } as Partial<Endorsement>
      expect(await storage.endorsements.update('statement-a', endorsement.id, patch)).toEqual({ ...endorsement, signatoryTitle: null })
      expect(await storage.endorsements.list('statement-b')).toEqual([])
      expect(await storage.endorsements.get('statement-a', 'hijacked')).toBeNull()
    })
  })

  describe('sign-on links', () => {
    it('creates, lists one statement\'s links oldest first, finds by token and updates', async () => {
      const first = makeSignonLink({ statementId: 'statement-a' })
      const theirs = makeSignonLink({ statementId: 'statement-b' })
      const second = makeSignonLink({ statementId: 'statement-a' })
      for (const link of [first, theirs, second]) expect(await storage.signonLinks.create(link)).toEqual(link)

      expect(await storage.signonLinks.listForStatement('statement-a')).toEqual([first, second])
      expect(await storage.signonLinks.listForStatement('statement-b')).toEqual([theirs])
      expect(await storage.signonLinks.listForStatement('statement-c')).toEqual([])
      expect(await storage.signonLinks.findByToken(theirs.token)).toEqual(theirs)

      const revoked = await storage.signonLinks.update(first.id, { revokedAt: '2025-03-02T09:00:00.000Z' })
      expect(revoked).toEqual({ ...first, revokedAt: '2025-03-02T09:00:00.000Z' })
      expect(await storage.signonLinks.findByToken(first.token)).toEqual(revoked)
      expect(await storage.signonLinks.listForStatement('statement-a')).toEqual([revoked, second])
      expect(await storage.signonLinks.update('no-such-id', { revokedAt: '2025-03-02T09:00:00.000Z' })).toBeNull()
    })

    it('finds a link only by its whole token, exactly', async () => {
      const link = await storage.signonLinks.create(makeSignonLink())
      const { token } = link
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const lastChanged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
      const firstChanged = (token.startsWith('A') ? 'B' : 'A') + token.slice(1)
      const recased = token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase()
      for (const wrong of [token.slice(0, -1), token.slice(0, 8), `${token}A`, ` ${token}`, lastChanged, firstChanged, recased, '']) {
        expect(await storage.signonLinks.findByToken(wrong)).toBeNull()
      }
      expect(await storage.signonLinks.findByToken(token)).toEqual(link)
    })

    it('refuses a token that is taken, in any statement, and a second link with the same id', async () => {
      const link = await storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a' }))
      for (const statementId of ['statement-a', 'statement-b']) {
        const duplicate = storage.signonLinks.create(makeSignonLink({ statementId, token: link.token }))
        await expect(duplicate).rejects.toBeInstanceOf(StorageConflictError)
        await expect(duplicate).rejects.toMatchObject({ field: 'token' })
      }
      await expect(storage.signonLinks.create(makeSignonLink({ id: link.id }))).rejects.toMatchObject({ field: 'id' })
      expect(await storage.signonLinks.listForStatement('statement-a')).toEqual([link])
      expect(await storage.signonLinks.listForStatement('statement-b')).toEqual([])
    })

    it('lets exactly one of two simultaneous creates with one token win', async () => {
      const token = makeSignonLink().token
      const outcomes = await Promise.allSettled([
        storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a', token })),
        storage.signonLinks.create(makeSignonLink({ statementId: 'statement-b', token })),
      ])
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
      const winner = outcomes.find((outcome) => outcome.status === 'fulfilled')
      expect(await storage.signonLinks.findByToken(token)).toEqual(winner?.value)
    })

    it('never changes a link\'s id, statement or token, and ignores undefined values', async () => {
      const link = await storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a' }))
      const patch = { id: 'hijacked', statementId: 'statement-b', token: 'x'.repeat(43), revokedAt: undefined, expiresAt: '2025-04-01T09:00:00.000Z' } as Partial<SignonLink>
      expect(await storage.signonLinks.update(link.id, patch)).toEqual({ ...link, expiresAt: '2025-04-01T09:00:00.000Z' })
      expect(await storage.signonLinks.findByToken('x'.repeat(43))).toBeNull()
      expect(await storage.signonLinks.listForStatement('statement-b')).toEqual([])
      expect((await storage.signonLinks.findByToken(link.token))?.statementId).toBe('statement-a')
    })

    it('hands out copies, and keeps none of the caller\'s objects', async () => {
      const link = makeSignonLink({ statementId: 'statement-a' })
      const expected = structuredClone(link)
      const created = await storage.signonLinks.create(link)
      link.revokedAt = 'changed by the caller afterwards'
      created.expiresAt = 'changed in the returned object'
      const found = await storage.signonLinks.findByToken(link.token)
      if (found) found.revokedAt = 'changed in a found object'
      const [listed] = await storage.signonLinks.listForStatement('statement-a')
      if (listed) listed.expiresAt = 'changed in a listed object'
      expect(await storage.signonLinks.findByToken(link.token)).toEqual(expected)
    })
  })

  describe('forums', () => {
    it('creates, gets, lists in creation order and updates, presets included', async () => {
      const first = makeForum({ id: 'ccpcj' })
      const second = makeForum({ shortName: 'HRC', name: 'Human Rights Council' })
      expect(await storage.forums.create(first)).toEqual(first)
      await storage.forums.create(second)
      expect(await storage.forums.get('ccpcj')).toEqual(first)
      expect(await storage.forums.get('no-such-id')).toBeNull()
      expect(await storage.forums.list()).toEqual([first, second])
      const presets = { ...first.presets, oral: { ...first.presets.oral, speakingLimitSeconds: 240 } }
      const updated = await storage.forums.update('ccpcj', { presets, cadence: 'Twice a year' })
      expect(updated).toEqual({ ...first, presets, cadence: 'Twice a year' })
      expect(await storage.forums.get('ccpcj')).toEqual(updated)
      expect(await storage.forums.update('no-such-id', { name: 'x' })).toBeNull()
    })

    it('hands out copies, nested presets included, and refuses a second record with the same id', async () => {
      const forum = makeForum()
      const created = await storage.forums.create(forum)
      forum.presets.written.wordLimits.general = 1
      created.presets.oral.wordsPerMinute = 2
      const fetched = await storage.forums.get(forum.id)
      if (fetched) fetched.presets.written.coverPageWords = 3
      const stored = await storage.forums.get(forum.id)
      expect(stored?.presets.written.wordLimits.general).toBe(2000)
      expect(stored?.presets.oral.wordsPerMinute).toBe(100)
      expect(stored?.presets.written.coverPageWords).toBe(0)
      await expect(storage.forums.create(makeForum({ id: forum.id }))).rejects.toMatchObject({ field: 'id' })
    })
  })

  describe('meetings and agenda items', () => {
    it('creates, gets, lists and updates meetings', async () => {
      const meeting = makeMeeting()
      expect(await storage.meetings.create(meeting)).toEqual(meeting)
      expect(await storage.meetings.get(meeting.id)).toEqual(meeting)
      expect(await storage.meetings.list()).toEqual([meeting])
      const updated = await storage.meetings.update(meeting.id, { endDate: '2025-05-24', venue: 'Online' })
      expect(updated).toEqual({ ...meeting, endDate: '2025-05-24', venue: 'Online' })
      expect(await storage.meetings.get(meeting.id)).toEqual(updated)
      expect(await storage.meetings.update('no-such-id', { name: 'x' })).toBeNull()
    })

    it('lists one meeting\'s agenda items in the order they were added, and gets each only through its meeting', async () => {
      const items = ['3', '4', '5 (a)'].map((number) => makeAgendaItem({ meetingId: 'meeting-a', number }))
      const elsewhere = makeAgendaItem({ meetingId: 'meeting-b' })
      for (const item of [items[0], elsewhere, items[1], items[2]]) await storage.agendaItems.create(item as (typeof items)[number])
      expect(await storage.agendaItems.list('meeting-a')).toEqual(items)
      expect(await storage.agendaItems.list('meeting-b')).toEqual([elsewhere])
      expect(await storage.agendaItems.list('meeting-c')).toEqual([])
      expect(await storage.agendaItems.get('meeting-b', elsewhere.id)).toEqual(elsewhere)
      expect(await storage.agendaItems.get('meeting-a', elsewhere.id)).toBeNull()
      await expect(storage.agendaItems.create(makeAgendaItem({ id: elsewhere.id }))).rejects.toMatchObject({ field: 'id' })
    })

    it('hands out copies', async () => {
      const item = await storage.agendaItems.create(makeAgendaItem({ meetingId: 'meeting-a', title: 'Stored' }))
      item.title = 'changed in the returned object'
      const [listed] = await storage.agendaItems.list('meeting-a')
      if (listed) listed.title = 'changed in a listed object'
      expect((await storage.agendaItems.get('meeting-a', item.id))?.title).toBe('Stored')
    })
  })

  describe('working groups', () => {
    it('creates, gets, lists and updates, lists included', async () => {
      const group = makeWorkingGroup()
      expect(await storage.workingGroups.create(group)).toEqual(group)
      expect(await storage.workingGroups.get(group.id)).toEqual(group)
      expect(await storage.workingGroups.list()).toEqual([group])
      const updated = await storage.workingGroups.update(group.id, { memberOrganizationIds: ['org-1'], chairUserIds: [] })
      expect(updated).toEqual({ ...group, memberOrganizationIds: ['org-1'], chairUserIds: [] })
      expect(await storage.workingGroups.get(group.id)).toEqual(updated)
      expect(await storage.workingGroups.update('no-such-id', { name: 'x' })).toBeNull()
    })

    it('hands out copies, nested lists included', async () => {
      const group = makeWorkingGroup({ memberOrganizationIds: ['org-1'] })
      const created = await storage.workingGroups.create(group)
      group.memberOrganizationIds.push('pushed by the caller')
      created.memberOrganizationIds.push('pushed into the returned object')
      const [listed] = await storage.workingGroups.list()
      listed?.chairUserIds.push('pushed into a listed object')
      expect(await storage.workingGroups.get(group.id)).toEqual({ ...created, memberOrganizationIds: ['org-1'] })
    })

    it('refuses a second group with the same name in any letter case, on create and on rename', async () => {
      await storage.workingGroups.create(makeWorkingGroup({ name: 'Cybercrime' }))
      await expect(storage.workingGroups.create(makeWorkingGroup({ name: 'CYBERCRIME' }))).rejects.toMatchObject({ field: 'name' })
      const other = await storage.workingGroups.create(makeWorkingGroup({ name: 'Prisons' }))
      await expect(storage.workingGroups.update(other.id, { name: 'cybercrime' })).rejects.toMatchObject({ field: 'name' })
      expect((await storage.workingGroups.update(other.id, { name: 'PRISONS' }))?.name).toBe('PRISONS')
      expect(await storage.workingGroups.list()).toHaveLength(2)
    })
  })

  describe('close', () => {
    it('refuses writes once closed', async () => {
      await storage.close()
      await expect(storage.statements.create(makeStatement())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.documents.append('statement-1', new Uint8Array([0, 0]))).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.versions.create(makeVersion(), makeVersionContent())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.audit.append(makeAuditEntry())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.endorsements.create(makeEndorsement())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.signonLinks.create(makeSignonLink())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.forums.create(makeForum())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.meetings.create(makeMeeting())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.agendaItems.create(makeAgendaItem())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      await expect(storage.workingGroups.create(makeWorkingGroup())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
    })

    it('waits for writes already under way', async () => {
      const creates = Array.from({ length: 20 }, () => storage.statements.create(makeStatement()))
      const appends = Array.from({ length: 5 }, (_, index) => storage.documents.append('statement-1', new Uint8Array([index])))
      await storage.close()
      const settled = await Promise.allSettled([...creates, ...appends])
      expect(settled.every((outcome) => outcome.status === 'fulfilled')).toBe(true)
    })

    it('waits for version creates (contents and summaries), audit appends, endorsements and links under way', async () => {
      const creates = Array.from({ length: 10 }, (_, index) =>
        storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent(`text ${index}`)),
      )
      const appends = Array.from({ length: 5 }, () => storage.audit.append(makeAuditEntry({ statementId: 'statement-a' })))
      const endorsements = Array.from({ length: 5 }, () => storage.endorsements.create(makeEndorsement({ statementId: 'statement-a' })))
      const links = Array.from({ length: 5 }, () => storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a' })))
      await storage.close()
      const settled = await Promise.allSettled([...creates, ...appends, ...endorsements, ...links])
      expect(settled.filter((outcome) => outcome.status === 'rejected')).toEqual([])
      expect(await storage.versions.list('statement-a')).toHaveLength(10)
      expect(await storage.audit.list('statement-a')).toHaveLength(5)
      expect(await storage.endorsements.list('statement-a')).toHaveLength(5)
      expect(await storage.signonLinks.listForStatement('statement-a')).toHaveLength(5)
    })
  })
})
