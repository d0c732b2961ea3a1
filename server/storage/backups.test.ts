import { mkdir, mkdtemp, readdir, readFile, realpath, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { listBackups } from './backup/backupCatalog.js'
import { readManifest, sha256Hex, verifyBackup } from './backup/backupManifest.js'
import { restoreBackup } from './backup/restoreBackup.js'
import { takeBackup } from './backup/takeBackup.js'
import { encodeLogRecord } from './files/logRecords.js'
import { openFileStorage } from './openStorage.js'
import type { Storage } from './ports.js'
import { makeAuditEntry, makeOrganization, makeStatement, makeUser, makeVersion, makeVersionContent } from './testRecords.js'
import { editedDocument, replayedText } from './testYDocs.js'

/** Backups, restore and the start's refusal of damaged files, on real files in temp directories. */

const dataDirs: string[] = []
const opened: Storage[] = []

async function newDataDir(): Promise<string> {
  const dataDir = await realpath(await mkdtemp(join(tmpdir(), 'plenary-backups-')))
  dataDirs.push(dataDir)
  return dataDir
}

async function open(dataDir: string): Promise<Storage> {
  const storage = await openFileStorage(dataDir, { onWarning: () => {} })
  opened.push(storage)
  return storage
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()))
  await Promise.all(dataDirs.splice(0).map((dataDir) => rm(dataDir, { recursive: true, force: true })))
})

/** A data directory with an organisation, a user, a statement whose document has a state and a log, and a version. */
async function seededDataDir(): Promise<{ dataDir: string; text: string; statementId: string; versionId: string }> {
  const dataDir = await newDataDir()
  const storage = await openFileStorage(dataDir, { onWarning: () => {} })
  const organization = await storage.organizations.create(makeOrganization({ name: 'Penal Reform International' }))
  await storage.users.create(makeUser({ organizationId: organization.id }))
  const statement = await storage.statements.create(makeStatement())
  const { doc, updates } = editedDocument(['Madam Chair, ', 'we welcome ', 'the resolution'])
  const [first, ...rest] = updates
  if (!first) throw new Error('no update')
  await storage.documents.append(statement.id, first)
  await storage.documents.compact(statement.id, first)
  for (const update of rest) await storage.documents.append(statement.id, update)
  const version = await storage.versions.create(makeVersion({ statementId: statement.id }), makeVersionContent())
  await storage.audit.append(makeAuditEntry({ statementId: statement.id }))
  await storage.close()
  return { dataDir, text: doc.getText('t').toString(), statementId: statement.id, versionId: version.id }
}

async function everything(storage: Storage, statementId: string, versionId: string) {
  return {
    organizations: await storage.organizations.list(),
    users: await storage.users.list(),
    statements: await storage.statements.list(),
    versions: await storage.versions.list(statementId),
    content: await storage.versions.content(statementId, versionId),
    audit: await storage.audit.list(statementId),
    text: replayedText(await storage.documents.load(statementId)),
  }
}

describe('a backup', () => {
  it('copies metadata, documents and version contents in the data directory\'s layout, with a manifest of sizes and SHA-256', async () => {
    const { dataDir, statementId, versionId } = await seededDataDir()
    const backup = await takeBackup(dataDir, { keep: 7, now: () => new Date('2025-03-02T10:00:00.123Z') })

    expect(backup.path).toBe(join(dataDir, 'backups', '2025-03-02T10-00-00-123Z'))
    const manifest = await readManifest(backup.path)
    expect(manifest.createdAt).toBe('2025-03-02T10:00:00.123Z')
    const paths = manifest.files.map((file) => file.path)
    for (const name of await readdir(join(dataDir, 'meta'))) expect(paths).toContain(`meta/${name}`)
    expect(paths).toContain(`documents/${statementId}.state`)
    expect(paths).toContain(`documents/${statementId}.log`)
    expect(paths).toContain(`versions/${statementId}/${versionId}.json`)
    for (const file of manifest.files) {
      const copy = await readFile(join(backup.path, file.path))
      expect(copy).toEqual(await readFile(join(dataDir, file.path)))
      expect({ bytes: copy.length, sha256: sha256Hex(copy) }).toEqual({ bytes: file.bytes, sha256: file.sha256 })
    }
    expect(backup.files).toBe(manifest.files.length)
    await expect(verifyBackup(backup.path)).resolves.toEqual(manifest)
  })

  it('copies only the whole records of a log whose last record is being written', async () => {
    const { dataDir, statementId, text } = await seededDataDir()
    const log = join(dataDir, 'documents', `${statementId}.log`)
    const whole = await readFile(log)
    const next = encodeLogRecord(Y.encodeStateAsUpdate(new Y.Doc()))
    await writeFile(log, Buffer.concat([whole, next.subarray(0, next.length - 3)]))

    const backup = await takeBackup(dataDir, { keep: 7 })
    expect(await readFile(join(backup.path, 'documents', `${statementId}.log`))).toEqual(whole)
    // The original is the server's to repair on load, not the backup's.
    expect((await readFile(log)).length).toBe(whole.length + next.length - 3)
    await restoreBackup(dataDir, backup.path)
    const restored = await open(dataDir)
    expect(replayedText(await restored.documents.load(statementId))).toBe(text)
  })

  it('is consistent while the server writes: no user ever without the organisation created before it', async () => {
    const dataDir = await newDataDir()
    const storage = await open(dataDir)
    // statements.json is read between organizations.json and users.json; a big one
    // leaves time for an organisation and its user to be written in between.
    await storage.statements.create(makeStatement({ title: 'x'.repeat(8_000_000) }))
    let writing = true
    const writer = (async () => {
      // Each organisation before its user: a backup that copied organizations.json
      // and then users.json one after the other would catch a user whose organisation it missed.
      for (let i = 0; writing && i < 400; i++) {
        const organization = await storage.organizations.create(makeOrganization())
        await storage.users.create(makeUser({ organizationId: organization.id }))
      }
    })()
    const backups: string[] = []
    try {
      for (let i = 0; i < 6; i++) backups.push((await takeBackup(dataDir, { keep: 100 })).path)
    } finally {
      writing = false
      await writer
    }
    for (const backup of backups) {
      await verifyBackup(backup)
      const organizations = JSON.parse(await readFile(join(backup, 'meta', 'organizations.json'), 'utf8')).items as { id: string }[]
      const users = JSON.parse(await readFile(join(backup, 'meta', 'users.json'), 'utf8')).items as { organizationId: string }[]
      const known = new Set(organizations.map((organization) => organization.id))
      expect(users.filter((user) => !known.has(user.organizationId))).toEqual([])
    }
  })

  it('is refused when a data file is damaged: named, nothing rotated, nothing half-written left', async () => {
    const { dataDir, statementId } = await seededDataDir()
    const good = await takeBackup(dataDir, { keep: 1 })
    const state = join(dataDir, 'documents', `${statementId}.state`)
    await writeFile(state, Buffer.alloc(4096))

    await expect(takeBackup(dataDir, { keep: 1 })).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: state })
    expect((await listBackups(dataDir)).map((backup) => backup.path)).toEqual([good.path])
  })

  it('keeps the newest BACKUP_KEEP complete backups; an incomplete one is neither counted nor restorable', async () => {
    const { dataDir } = await seededDataDir()
    const times = ['2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z', '2025-03-03T00:00:00.000Z']
    const taken = []
    for (const time of times) taken.push(await takeBackup(dataDir, { keep: 2, now: () => new Date(time) }))
    expect(taken[2]?.removed).toEqual([taken[0]?.path])
    // A backup cut short (a crash before its manifest): recent, so maybe still being written.
    const incomplete = join(dataDir, 'backups', '2025-03-04T00-00-00-000Z')
    await mkdir(join(incomplete, 'meta'), { recursive: true })
    await writeFile(join(incomplete, 'meta', 'users.json'), '{"version":1,"items":[]}')

    const latest = await takeBackup(dataDir, { keep: 2, now: () => new Date('2025-03-05T00:00:00.000Z') })
    expect(latest.removed).toEqual([taken[1]?.path])
    expect((await listBackups(dataDir)).map((backup) => [backup.path, backup.complete])).toEqual([
      [latest.path, true],
      [incomplete, false],
      [taken[2]?.path, true],
    ])
    await expect(verifyBackup(incomplete)).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
    await expect(restoreBackup(dataDir, incomplete)).rejects.toThrow(/has no manifest\.json: it is incomplete/)
  })

  it('does not verify once a file is changed, or when its manifest names a path outside the data folders', async () => {
    const { dataDir } = await seededDataDir()
    const backup = await takeBackup(dataDir, { keep: 7 })
    const users = join(backup.path, 'meta', 'users.json')
    const original = await readFile(users, 'utf8')
    await writeFile(users, original.replace('Amina', 'Imposter'))
    await expect(verifyBackup(backup.path)).rejects.toMatchObject({ code: 'BACKUP_INVALID', path: users })
    await writeFile(users, original)

    const manifestPath = join(backup.path, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'))
    manifest.files.push({ path: '../../escape.json', bytes: 0, sha256: '0'.repeat(64) })
    await writeFile(manifestPath, JSON.stringify(manifest))
    await expect(verifyBackup(backup.path)).rejects.toThrow('is not a Plenary backup manifest')
  })
})

describe('restore', () => {
  it('refuses while a server holds the data directory, and changes nothing', async () => {
    const { dataDir } = await seededDataDir()
    const backup = await takeBackup(dataDir, { keep: 7 })
    const storage = await open(dataDir)
    const organization = await storage.organizations.create(makeOrganization({ name: 'Added after the backup' }))

    await expect(restoreBackup(dataDir, backup.path)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' })
    expect((await readdir(dataDir)).filter((name) => name.startsWith('before-restore') || name.startsWith('.restore'))).toEqual([])
    expect(await storage.organizations.get(organization.id)).toEqual(organization)
  })

  it('brings the backup\'s data back and moves the files it replaces aside, deleting nothing', async () => {
    const { dataDir, statementId, versionId } = await seededDataDir()
    const backup = await takeBackup(dataDir, { keep: 7 })
    const atBackup = await everything(await open(dataDir), statementId, versionId)
    await opened.pop()?.close()

    const later = await open(dataDir)
    const added = await later.organizations.create(makeOrganization({ name: 'Added after the backup' }))
    await later.documents.append(statementId, editedDocument(['later text']).updates[0] as Uint8Array)
    await later.close()
    const metaBefore = await readFile(join(dataDir, 'meta', 'organizations.json'))

    const result = await restoreBackup(dataDir, backup.path, () => new Date('2025-03-09T12:00:00.000Z'))
    expect(result.setAside).toBe(join(dataDir, 'before-restore-2025-03-09T12-00-00-000Z'))
    expect(await readFile(join(result.setAside, 'meta', 'organizations.json'))).toEqual(metaBefore)
    expect((await readdir(join(result.setAside, 'documents'))).sort()).toEqual([`${statementId}.log`, `${statementId}.state`])
    expect((await readdir(dataDir)).sort()).toEqual(['backups', 'before-restore-2025-03-09T12-00-00-000Z', 'documents', 'meta', 'versions'])

    const restored = await open(dataDir)
    expect(await everything(restored, statementId, versionId)).toEqual(atBackup)
    expect(await restored.organizations.get(added.id)).toBeNull()
  })

  it('refuses a backup that does not verify, before touching the data directory', async () => {
    const { dataDir } = await seededDataDir()
    const backup = await takeBackup(dataDir, { keep: 7 })
    await truncate(join(backup.path, 'meta', 'statements.json'), 10)
    const before = (await readdir(dataDir)).sort()
    await expect(restoreBackup(dataDir, backup.path)).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
    expect((await readdir(dataDir)).sort()).toEqual(before)
  })

  it('left half done (its marker still there) stops the start instead of starting over missing files', async () => {
    const { dataDir } = await seededDataDir()
    await writeFile(join(dataDir, 'restore-in-progress'), 'Restoring x into y\n')
    await rm(join(dataDir, 'meta'), { recursive: true })
    await expect(openFileStorage(dataDir)).rejects.toMatchObject({ code: 'RESTORE_INTERRUPTED' })
    await expect(readdir(join(dataDir, 'meta'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('a damaged file at start', () => {
  const damages: [string, (original: Buffer) => Buffer][] = [
    ['empty', () => Buffer.alloc(0)],
    ['truncated', (original) => original.subarray(0, Math.floor(original.length / 2))],
    ['NUL-filled', (original) => Buffer.alloc(Math.max(original.length, 4096))],
    ['not what it should be (invalid JSON, or not a Yjs update)', () => Buffer.from('{"version": 1, "items": [} oops')],
  ]
  const files: [string, (statementId: string) => string][] = [
    ['a metadata file', () => 'meta/statements.json'],
    ['a document state', (statementId) => `documents/${statementId}.state`],
  ]
  const cases = files.flatMap(([kind, file]) => damages.map(([damage, damageFile]) => [kind, damage, file, damageFile] as const))

  it.each(cases)('%s that is %s stops the open, naming the file, the newest good backup and the command that restores it', async (_kind, _damage, fileOf, damageFile) => {
    const { dataDir, statementId, versionId } = await seededDataDir()
    await takeBackup(dataDir, { keep: 7, now: () => new Date('2025-03-01T00:00:00.000Z') })
    const newest = await takeBackup(dataDir, { keep: 7, now: () => new Date('2025-03-02T00:00:00.000Z') })
    const atBackup = await everything(await open(dataDir), statementId, versionId)
    await opened.pop()?.close()
    const relativePath = fileOf(statementId)
    const file = join(dataDir, relativePath)
    const damaged = damageFile(await readFile(file))
    await writeFile(file, damaged)
    const metaBefore = (await readdir(join(dataDir, 'meta'))).sort()

    const opening = openFileStorage(dataDir)
    await expect(opening).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: file })
    await expect(opening).rejects.toThrow(`${file} is corrupt`)
    await expect(opening).rejects.toThrow(`The newest good backup holding ${relativePath} is ${newest.path}`)
    await expect(opening).rejects.toThrow(`npm run restore -- ${newest.path}`)
    expect(await readFile(file)).toEqual(damaged)
    expect((await readdir(join(dataDir, 'meta'))).sort()).toEqual(metaBefore)
    expect(await readdir(dataDir)).not.toContain('plenary.lock')

    // What the message says to do works.
    await restoreBackup(dataDir, newest.path)
    expect(await everything(await open(dataDir), statementId, versionId)).toEqual(atBackup)
  })

  it('skips a newer backup that does not verify, and says so when no backup holds the file', async () => {
    const { dataDir, statementId } = await seededDataDir()
    const older = await takeBackup(dataDir, { keep: 7, now: () => new Date('2025-03-01T00:00:00.000Z') })
    const newer = await takeBackup(dataDir, { keep: 7, now: () => new Date('2025-03-02T00:00:00.000Z') })
    await writeFile(join(newer.path, 'documents', `${statementId}.state`), 'tampered')
    const state = join(dataDir, 'documents', `${statementId}.state`)
    await writeFile(state, '')
    await expect(openFileStorage(dataDir)).rejects.toThrow(`npm run restore -- ${older.path}`)

    await rm(join(dataDir, 'backups'), { recursive: true })
    await expect(openFileStorage(dataDir)).rejects.toThrow(`No good backup in ${join(dataDir, 'backups')} holds documents/${statementId}.state`)
  })

  it('a log whose damaged record is followed by intact ones stops the open too', async () => {
    const { dataDir, statementId } = await seededDataDir()
    const log = join(dataDir, 'documents', `${statementId}.log`)
    const bytes = await readFile(log)
    bytes[9] = (bytes[9] ?? 0) ^ 0xff
    await writeFile(log, bytes)
    await expect(openFileStorage(dataDir)).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: log })
  })
})

describe('the backup at start', () => {
  it('is taken once every file is checked and before anything is written; a first start has nothing to back up', async () => {
    const fresh = await newDataDir()
    const taken: string[] = []
    const options = { keep: 7, onTaken: (backup: { path: string }) => taken.push(backup.path), onFailed: (error: unknown) => { throw error } }
    opened.push(await openFileStorage(fresh, { onWarning: () => {}, backupAtStart: options }))
    expect(taken).toEqual([])

    const { dataDir, statementId, versionId } = await seededDataDir()
    // A collection file a newer release added is missing: the open creates it, after the backup.
    await rm(join(dataDir, 'meta', 'sessions.json'))
    const storage = await openFileStorage(dataDir, { onWarning: () => {}, backupAtStart: options })
    opened.push(storage)
    expect(taken).toHaveLength(1)
    const manifest = await verifyBackup(taken[0] as string)
    expect(manifest.files.map((file) => file.path)).not.toContain('meta/sessions.json')
    expect(await readdir(join(dataDir, 'meta'))).toContain('sessions.json')
    expect((await everything(storage, statementId, versionId)).organizations).toHaveLength(1)
  })
})
