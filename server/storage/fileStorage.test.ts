import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, rmdir, stat, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openFileStorage } from './openStorage.js'
import type { Storage } from './ports.js'
import {
  makeAuditEntry,
  makeEndorsement,
  makeInvitation,
  makeOrganization,
  makeSession,
  makeSignonLink,
  makeStatement,
  makeUser,
  makeVersion,
  makeVersionContent,
} from './testRecords.js'
import { editedDocument, replayedText } from './testYDocs.js'

/** What only the file storage has: files that outlive the process, can be damaged, and are locked. */

const COLLECTION_FILES = [
  'organizations.json',
  'users.json',
  'sessions.json',
  'invitations.json',
  'statements.json',
  'versions.json',
  'audit.json',
  'endorsements.json',
  'signon-links.json',
  'forums.json',
  'meetings.json',
  'agenda-items.json',
  'working-groups.json',
]
const dataDirs: string[] = []
const opened: Storage[] = []

async function newDataDir(): Promise<string> {
  const dataDir = await realpath(await mkdtemp(join(tmpdir(), 'plenary-file-storage-')))
  dataDirs.push(dataDir)
  return dataDir
}

async function open(dataDir: string, onWarning: (message: string) => void = () => {}): Promise<Storage> {
  const storage = await openFileStorage(dataDir, { onWarning })
  opened.push(storage)
  return storage
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()))
  await Promise.all(dataDirs.splice(0).map((dataDir) => rm(dataDir, { recursive: true, force: true })))
})

describe('file storage', () => {
  it('keeps everything across a close and a reopen', async () => {
    const dataDir = await newDataDir()
    const storage = await open(dataDir)
    const organization = await storage.organizations.create(makeOrganization())
    await storage.organizations.update(organization.id, { shortName: 'PRI' })
    await storage.users.create(makeUser({ organizationId: organization.id }))
    const kept = await storage.sessions.create(makeSession())
    const dropped = await storage.sessions.create(makeSession())
    await storage.sessions.delete(dropped.id)
    const invitation = await storage.invitations.create(makeInvitation())
    await storage.invitations.markAccepted(invitation.id, 'user-1', '2025-03-02T10:00:00.000Z')
    await storage.statements.create(makeStatement())
    const { doc, updates } = editedDocument(['Madam Chair, ', 'we welcome ', 'the resolution'])
    const [first, ...rest] = updates
    if (!first) throw new Error('no update')
    await storage.documents.append('statement-1', first)
    await storage.documents.compact('statement-1', first)
    for (const update of rest) await storage.documents.append('statement-1', update)
    const before = {
      organizations: await storage.organizations.list(),
      users: await storage.users.list(),
      invitations: await storage.invitations.list(),
      statements: await storage.statements.list(),
      documents: await storage.documents.load('statement-1'),
    }
    await storage.close()

    const reopened = await open(dataDir)
    expect({
      organizations: await reopened.organizations.list(),
      users: await reopened.users.list(),
      invitations: await reopened.invitations.list(),
      statements: await reopened.statements.list(),
      documents: await reopened.documents.load('statement-1'),
    }).toEqual(before)
    expect(await reopened.sessions.get(kept.id)).toEqual(kept)
    expect(await reopened.sessions.get(dropped.id)).toBeNull()
    expect(replayedText(before.documents)).toBe(doc.getText('t').toString())
  })

  it('starts empty in a new directory and writes one versioned file per collection', async () => {
    const dataDir = await newDataDir()
    const storage = await open(dataDir)
    const organization = await storage.organizations.create(makeOrganization())
    expect((await readdir(join(dataDir, 'meta'))).sort()).toEqual([...COLLECTION_FILES].sort())
    for (const fileName of COLLECTION_FILES) {
      const content: unknown = JSON.parse(await readFile(join(dataDir, 'meta', fileName), 'utf8'))
      expect(content).toEqual({ version: 1, items: fileName === 'organizations.json' ? [organization] : [] })
    }
    expect((await stat(join(dataDir, 'documents'))).isDirectory()).toBe(true)
    expect(await readdir(join(dataDir, 'versions'))).toEqual([])
  })

  it('loads statements.json written before meetings and working groups with those fields null, and keeps them on the next write', async () => {
    const dataDir = await newDataDir()
    const {
      meetingId: _meetingId,
      agendaItemId: _agendaItemId,
      workingGroupId: _workingGroupId,
      submittingOrganizationId: _submittingOrganizationId,
      ...old
    } = makeStatement()
    await mkdir(join(dataDir, 'meta'))
    await writeFile(join(dataDir, 'meta', 'statements.json'), JSON.stringify({ version: 1, items: [old] }))
    const storage = await open(dataDir)
    const nulls = { meetingId: null, agendaItemId: null, workingGroupId: null, submittingOrganizationId: null }
    expect(await storage.statements.get(old.id)).toEqual({ ...old, ...nulls })
    await storage.statements.update(old.id, { meetingId: 'meeting-1' })
    await storage.close()
    const reopened = await open(dataDir)
    expect(await reopened.statements.list()).toEqual([{ ...old, ...nulls, meetingId: 'meeting-1' }])
  })

  describe('a damaged metadata file', () => {
    const organizationsFile = JSON.stringify({ version: 1, items: [makeOrganization()] }, null, 2)
    const damages: [string, string | Buffer][] = [
      ['empty', ''],
      ['truncated', organizationsFile.slice(0, organizationsFile.length / 2)],
      ['NUL-filled', Buffer.alloc(4096)],
      ['invalid JSON', '{"version": 1, "items": [} oops'],
      ['without an items array', '{"version": 1}'],
      ['with items that are not an array', '{"version": 1, "items": {}}'],
      ['JSON null', 'null'],
    ]

    // Every damage, and every collection file at least once (versions.json,
    // audit.json, endorsements.json and signon-links.json included).
    const cases = Array.from({ length: Math.max(damages.length, COLLECTION_FILES.length) }, (_, index) => {
      const [damage, content] = damages[index % damages.length] ?? ['', '']
      return [COLLECTION_FILES[index % COLLECTION_FILES.length] ?? '', damage, content] as const
    })

    it.each(cases)('stops the open when %s is %s, names the file and leaves it alone', async (fileName, _damage, content) => {
      const dataDir = await newDataDir()
      const file = join(dataDir, 'meta', fileName)
      await mkdir(join(dataDir, 'meta'))
      await writeFile(file, content)

      const opening = openFileStorage(dataDir)
      await expect(opening).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: file })
      await expect(opening).rejects.toThrow(`Metadata file ${file} is corrupt`)

      expect(await readFile(file)).toEqual(Buffer.from(content))
      expect(await readdir(join(dataDir, 'meta'))).toEqual([fileName])
      expect(await readdir(dataDir)).not.toContain('plenary.lock')
    })
  })

  describe('versions and the audit trail', () => {
    const contentFile = (dataDir: string, statementId: string, versionId: string) =>
      join(dataDir, 'versions', statementId, `${versionId}.json`)

    it('keep versions, contents and audit entries across a close and a reopen, and go on numbering', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const first = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent('first'))
      const creates = [
        storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent('second')),
        storage.versions.create(makeVersion({ statementId: 'statement-b' }), makeVersionContent('other')),
      ]
      const entries = [makeAuditEntry({ statementId: 'statement-a' }), makeAuditEntry({ statementId: 'statement-a', action: 'locked' })]
      for (const entry of entries) await storage.audit.append(entry)
      // Closed with creates still under way: close() waits for their contents and summaries.
      await storage.close()
      const [second, other] = await Promise.all(creates)
      if (!second || !other) throw new Error('missing versions')

      const reopened = await open(dataDir)
      expect(await reopened.versions.list('statement-a')).toEqual([second, first])
      expect(await reopened.versions.latest('statement-b')).toEqual(other)
      expect(await reopened.versions.get('statement-a', first.id)).toEqual(first)
      expect(await reopened.versions.content('statement-a', first.id)).toEqual(makeVersionContent('first'))
      expect(await reopened.versions.content('statement-a', second.id)).toEqual(makeVersionContent('second'))
      expect(await reopened.audit.list('statement-a')).toEqual(entries)
      expect((await reopened.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())).number).toBe(3)
    })

    it('writes each content to versions/<statement>/<version>.json, as the content\'s JSON, leaving no temp file', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const one = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent('one'))
      const two = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent('two'))
      const three = await storage.versions.create(makeVersion({ statementId: 'statement-b' }), makeVersionContent('three'))
      expect((await readdir(join(dataDir, 'versions'))).sort()).toEqual(['statement-a', 'statement-b'])
      expect((await readdir(join(dataDir, 'versions', 'statement-a'))).sort()).toEqual([`${one.id}.json`, `${two.id}.json`].sort())
      expect(JSON.parse(await readFile(contentFile(dataDir, 'statement-b', three.id), 'utf8'))).toEqual(makeVersionContent('three'))
      const summaries: unknown = JSON.parse(await readFile(join(dataDir, 'meta', 'versions.json'), 'utf8'))
      expect(summaries).toEqual({ version: 1, items: [one, two, three] })
    })

    const damages: [string, string | null][] = [
      ['deleted', null],
      ['empty', ''],
      ['truncated', JSON.stringify(makeVersionContent()).slice(0, 20)],
      ['NUL-filled', '\0'.repeat(512)],
      ['not JSON', '{"json": oops}'],
      ['JSON without a "json" field', '{"text": "We, the undersigned"}'],
      ['a JSON array', '[]'],
    ]

    it.each(damages)('refuses a content file that is %s, naming it', async (_damage, replacement) => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const version = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      const file = contentFile(dataDir, 'statement-a', version.id)
      if (replacement === null) await rm(file)
      else await writeFile(file, replacement)

      const reading = storage.versions.content('statement-a', version.id)
      await expect(reading).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: file })
      await expect(reading).rejects.toThrow(`Version content file ${file}`)
      expect(await storage.versions.list('statement-a')).toEqual([version])
    })

    it('lists, gets and finds the latest without reading a single content', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const first = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      const second = await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())
      await rm(join(dataDir, 'versions'), { recursive: true })

      expect(await storage.versions.list('statement-a')).toEqual([second, first])
      expect(await storage.versions.get('statement-a', first.id)).toEqual(first)
      expect(await storage.versions.latest('statement-a')).toEqual(second)
      await storage.close()
      const reopened = await open(dataDir)
      expect(await reopened.versions.list('statement-a')).toEqual([second, first])
      await expect(reopened.versions.content('statement-a', first.id)).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' })
    })

    it('leaves only an unlisted content when the summary cannot be written, and a retry with the same id works', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const version = makeVersion({ statementId: 'statement-a' })
      // As a crash between the two writes would: the content is on disk, the summary is not.
      await mkdir(join(dataDir, 'meta', '.versions.json.tmp'))
      await expect(storage.versions.create(version, makeVersionContent('lost'))).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      expect(JSON.parse(await readFile(contentFile(dataDir, 'statement-a', version.id), 'utf8'))).toEqual(makeVersionContent('lost'))
      expect(await storage.versions.list('statement-a')).toEqual([])
      expect(await storage.versions.content('statement-a', version.id)).toBeNull()

      await rmdir(join(dataDir, 'meta', '.versions.json.tmp'))
      const created = await storage.versions.create(version, makeVersionContent('kept'))
      expect(created.number).toBe(1)
      expect(await storage.versions.content('statement-a', version.id)).toEqual(makeVersionContent('kept'))
    })

    it('writes no content once closed, when the directory may already belong to another server', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      await storage.close()
      await expect(storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
      })
      expect(await readdir(join(dataDir, 'versions'))).toEqual([])
    })

    it('writes no summary when the content cannot be written, and leaves no temp file', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const version = makeVersion({ statementId: 'statement-a' })
      // A directory where the content file should go makes its rename fail.
      await mkdir(contentFile(dataDir, 'statement-a', version.id), { recursive: true })
      await expect(storage.versions.create(version, makeVersionContent())).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      expect(await storage.versions.list('statement-a')).toEqual([])
      expect(await readdir(join(dataDir, 'versions', 'statement-a'))).toEqual([`${version.id}.json`])
      expect((await storage.versions.create(makeVersion({ statementId: 'statement-a' }), makeVersionContent())).number).toBe(1)
    })
  })

  describe('endorsements and sign-on links', () => {
    it('keep endorsements, their changes and links across a close and a reopen, and the rule still holds', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const organization = { id: 'organization-1' }
      const withdrawn = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      await storage.endorsements.update('statement-a', withdrawn.id, { status: 'withdrawn', withdrawnAt: '2025-03-03T09:00:00.000Z' })
      const active = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      const outside = await storage.endorsements.create(
        makeEndorsement({ statementId: 'statement-a', source: 'external', status: 'pending', organization: { id: null } }),
      )
      const link = await storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a' }))
      const revoked = await storage.signonLinks.create(makeSignonLink({ statementId: 'statement-a' }))
      await storage.signonLinks.update(revoked.id, { revokedAt: '2025-03-04T09:00:00.000Z' })
      const before = { endorsements: await storage.endorsements.list('statement-a'), links: await storage.signonLinks.listForStatement('statement-a') }
      await storage.close()

      const reopened = await open(dataDir)
      expect(await reopened.endorsements.list('statement-a')).toEqual(before.endorsements)
      expect(before.endorsements.map((endorsement) => [endorsement.id, endorsement.status])).toEqual([
        [withdrawn.id, 'withdrawn'],
        [active.id, 'approved'],
        [outside.id, 'pending'],
      ])
      expect(await reopened.signonLinks.listForStatement('statement-a')).toEqual(before.links)
      expect(await reopened.signonLinks.findByToken(link.token)).toEqual(link)
      expect((await reopened.signonLinks.findByToken(revoked.token))?.revokedAt).toBe('2025-03-04T09:00:00.000Z')
      await expect(reopened.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))).rejects.toMatchObject({
        field: 'organization',
      })
      await expect(reopened.endorsements.update('statement-a', withdrawn.id, { status: 'approved' })).rejects.toMatchObject({ field: 'organization' })
      await expect(reopened.signonLinks.create(makeSignonLink({ token: link.token }))).rejects.toMatchObject({ field: 'token' })
    })

    it('keep all of 200 simultaneous endorsements across a close that waits for them', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const endorsements = Array.from({ length: 200 }, (_, index) =>
        makeEndorsement({ statementId: 'statement-a', organization: { id: `organization-${index}` } }),
      )
      const creates = endorsements.map((endorsement) => storage.endorsements.create(endorsement))
      await storage.close()
      expect(await Promise.all(creates)).toEqual(endorsements)

      const reopened = await open(dataDir)
      const listed = await reopened.endorsements.list('statement-a')
      expect(listed).toHaveLength(200)
      expect(listed).toEqual(endorsements)
      const onDisk: unknown = JSON.parse(await readFile(join(dataDir, 'meta', 'endorsements.json'), 'utf8'))
      expect(onDisk).toEqual({ version: 1, items: endorsements })
      await expect(
        reopened.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization: { id: 'organization-199' } })),
      ).rejects.toMatchObject({ field: 'organization' })
    })

    it('write meta/endorsements.json and meta/signon-links.json', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const endorsement = await storage.endorsements.create(makeEndorsement())
      const link = await storage.signonLinks.create(makeSignonLink())
      expect(JSON.parse(await readFile(join(dataDir, 'meta', 'endorsements.json'), 'utf8'))).toEqual({ version: 1, items: [endorsement] })
      expect(JSON.parse(await readFile(join(dataDir, 'meta', 'signon-links.json'), 'utf8'))).toEqual({ version: 1, items: [link] })
    })

    it('a truncated endorsements.json stops the open, named, and is left as it was', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      for (let index = 0; index < 3; index++) await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a' }))
      await storage.close()
      const file = join(dataDir, 'meta', 'endorsements.json')
      const damaged = (await readFile(file)).subarray(0, 200)
      await writeFile(file, damaged)

      const opening = openFileStorage(dataDir)
      await expect(opening).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: file })
      await expect(opening).rejects.toThrow(`Metadata file ${file} is corrupt`)
      expect(await readFile(file)).toEqual(damaged)
      expect(await readdir(dataDir)).not.toContain('plenary.lock')
    })
  })

  describe('a failed write', () => {
    // lowdb writes `.<name>.tmp` and renames it; a directory in its place makes that write fail.
    const blockWrites = (dataDir: string, collection: string) => mkdir(join(dataDir, 'meta', `.${collection}.json.tmp`))
    const unblockWrites = (dataDir: string, collection: string) => rmdir(join(dataDir, 'meta', `.${collection}.json.tmp`))

    it('changes nothing in memory either, and later writes still work', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      await blockWrites(dataDir, 'organizations')
      await expect(storage.organizations.create(makeOrganization({ name: 'Lost' }))).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      expect(await storage.organizations.list()).toEqual([])

      await unblockWrites(dataDir, 'organizations')
      const saved = await storage.organizations.create(makeOrganization({ name: 'Lost' }))
      await storage.close()
      expect(await (await open(dataDir)).organizations.list()).toEqual([saved])
    })

    it('leaves an invitation acceptable', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const invitation = await storage.invitations.create(makeInvitation())
      await blockWrites(dataDir, 'invitations')
      await expect(storage.invitations.markAccepted(invitation.id, 'user-1', '2025-03-02T10:00:00.000Z')).rejects.toThrow()
      expect((await storage.invitations.findByTokenHash(invitation.tokenHash))?.acceptedAt).toBeNull()
      await unblockWrites(dataDir, 'invitations')
      expect(await storage.invitations.markAccepted(invitation.id, 'user-2', '2025-03-02T10:01:00.000Z')).toBe(true)
    })

    it('leaves the organisation free to endorse: a refused endorsement holds no place in the rule', async () => {
      const dataDir = await newDataDir()
      const storage = await open(dataDir)
      const organization = { id: 'organization-1' }
      await blockWrites(dataDir, 'endorsements')
      await expect(storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
      })
      expect(await storage.endorsements.list('statement-a')).toEqual([])
      await unblockWrites(dataDir, 'endorsements')
      const saved = await storage.endorsements.create(makeEndorsement({ statementId: 'statement-a', organization }))
      expect(await storage.endorsements.list('statement-a')).toEqual([saved])
    })
  })

  describe('the data directory lock', () => {
    const lockFile = (dataDir: string) => join(dataDir, 'plenary.lock')

    it('refuses a second open of a directory that is open, until it is closed', async () => {
      const dataDir = await newDataDir()
      const first = await open(dataDir)
      await expect(openFileStorage(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' })
      expect(await readFile(lockFile(dataDir), 'utf8')).toBe(`${process.pid}\n`)
      await first.close()
      await expect(stat(lockFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' })
      await open(dataDir)
    })

    it('refuses a directory locked by another live process, and says what to do', async () => {
      const dataDir = await newDataDir()
      const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
      try {
        const pid = other.pid
        if (pid === undefined) throw new Error('could not start a child process')
        await writeFile(lockFile(dataDir), `${pid}\n`)
        const opening = openFileStorage(dataDir)
        await expect(opening).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED', pid })
        await expect(opening).rejects.toThrow(
          `Another Plenary server (pid ${pid}) is using DATA_DIR ${dataDir}. Stop it first, or point DATA_DIR elsewhere.`,
        )
        expect(await readFile(lockFile(dataDir), 'utf8')).toBe(`${pid}\n`)
      } finally {
        const exited = once(other, 'exit')
        other.kill()
        await exited
      }
    })

    it('takes over a lock left by a process that died', async () => {
      const dataDir = await newDataDir()
      const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
      await once(dead, 'exit')
      await writeFile(lockFile(dataDir), `${dead.pid}\n`)
      const storage = await open(dataDir)
      expect(await readFile(lockFile(dataDir), 'utf8')).toBe(`${process.pid}\n`)
      await storage.close()
      await expect(stat(lockFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' })
    })

    it('takes over a lock naming this very process, as after a container restart with the same pid', async () => {
      const dataDir = await newDataDir()
      await writeFile(lockFile(dataDir), `${process.pid}\n`)
      await open(dataDir)
    })

    it('waits for a pid in a fresh lock file, and takes over one that never got its pid', async () => {
      const dataDir = await newDataDir()
      await writeFile(lockFile(dataDir), '')
      await expect(openFileStorage(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED', pid: null })
      const aMinuteAgo = new Date(Date.now() - 60_000)
      await utimes(lockFile(dataDir), aMinuteAgo, aMinuteAgo)
      await open(dataDir)
    })
  })

  it('loads the intact records of a log whose last record a crash cut short, and warns', async () => {
    const dataDir = await newDataDir()
    const warnings: string[] = []
    const storage = await open(dataDir, (message) => warnings.push(message))
    const { doc, updates } = editedDocument(['The Alliance ', 'urges ', 'Member States'])
    for (const update of updates) await storage.documents.append('statement-1', update)
    const logFile = join(dataDir, 'documents', 'statement-1.log')
    await truncate(logFile, (await stat(logFile)).size - 3)

    const loaded = await storage.documents.load('statement-1')
    expect(loaded).toHaveLength(updates.length - 1)
    expect(replayedText(loaded)).toBe(replayedText(updates.slice(0, -1)))
    expect(warnings).toEqual([expect.stringContaining(logFile)])

    const last = updates.at(-1)
    if (!last) throw new Error('no update')
    await storage.documents.append('statement-1', last)
    await storage.close()
    const reopened = await open(dataDir)
    expect(replayedText(await reopened.documents.load('statement-1'))).toBe(doc.getText('t').toString())
    expect(warnings).toHaveLength(1)
  })

  it('keeps documents of different statements apart on disk', async () => {
    const dataDir = await newDataDir()
    const storage = await open(dataDir)
    const one = editedDocument(['first'])
    const two = editedDocument(['second'])
    for (const update of one.updates) await storage.documents.append('statement-1', update)
    await storage.documents.compact('statement-2', Y.encodeStateAsUpdate(two.doc))
    expect((await readdir(join(dataDir, 'documents'))).sort()).toEqual(['statement-1.log', 'statement-2.state'])
    expect(replayedText(await storage.documents.load('statement-1'))).toBe('irst')
    expect(replayedText(await storage.documents.load('statement-2'))).toBe('econd')
  })
})
