import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { manifestEntry, readManifest, verifyBackup, writeManifest } from '../backup/backupManifest.js'
import { restoreBackup } from '../backup/restoreBackup.js'
import { takeBackup } from '../backup/takeBackup.js'
import { openFileStorage } from '../openStorage.js'
import { makeStatement } from '../testRecords.js'
import { editedDocument, replayedText } from '../testYDocs.js'
import { createDocumentLog, type DocumentLog } from './documentLog.js'
import { decodeStateFile, hasStateHeader, STATE_HEADER_BYTES } from './stateFile.js'

/** The `<id>.state` format: a checksum tells damage from data, and files from before it still load. */

const MAGIC = Buffer.from([0x80, 0x00, 0x50, 0x4c, 0x59, 0x53, 0x54, 0x01])

let directory: string
const logs: DocumentLog[] = []

function openLog(): DocumentLog {
  const log = createDocumentLog(directory, { onWarning: () => undefined })
  logs.push(log)
  return log
}

const stateFile = (statementId: string) => join(directory, `${statementId}.state`)

/** A full state whose text is `text`, as the relay hands it to compact(). */
function stateWithText(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** A state file as compaction writes it. */
async function compacted(text: string): Promise<Buffer> {
  const log = openLog()
  await log.compact('statement-1', stateWithText(text))
  return readFile(stateFile('statement-1'))
}

function refusal(bytes: Uint8Array): string | null {
  try {
    decodeStateFile('/data/documents/s.state', bytes)
    return null
  } catch (error) {
    expect(error).toMatchObject({ code: 'STORAGE_CORRUPT', path: '/data/documents/s.state' })
    return (error as Error).message
  }
}

beforeEach(async () => {
  directory = await realpath(await mkdtemp(join(tmpdir(), 'plenary-state-file-')))
})

afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.close()))
  await rm(directory, { recursive: true, force: true })
})

describe('state file', () => {
  it('is written as magic, payload length, SHA-256, payload, and nothing is left beside it', async () => {
    const state = stateWithText('Madam Chair')
    await openLog().compact('statement-1', state)
    const expected = Buffer.concat([MAGIC, Buffer.from([0, 0, 0, state.length]), createHash('sha256').update(state).digest(), state])
    expect(await readFile(stateFile('statement-1'))).toEqual(expected)
    expect(STATE_HEADER_BYTES).toBe(44)
    expect(await readdir(directory)).toEqual(['statement-1.state'])
  })

  it('keeps a text of NUL characters: in a statement they are data, not damage', async () => {
    const text = `a${'\u0000'.repeat(64)}b`
    const file = await compacted(text)
    expect(file.includes(Buffer.alloc(64))).toBe(true)
    expect(replayedText(await openLog().load('statement-1'))).toBe(text)
  })

  it('refuses every single-bit flip anywhere in the file, header and payload alike', async () => {
    const file = await compacted('we welcome the resolution')
    for (let position = 0; position < file.length; position += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const damaged = Buffer.from(file)
        damaged[position]! ^= 1 << bit
        expect(refusal(damaged), `bit ${bit} of byte ${position}`).not.toBeNull()
      }
    }
  })

  it('refuses every truncation, the empty file included, and bytes appended', async () => {
    const file = await compacted('we welcome the resolution')
    for (let length = 0; length < file.length; length += 1) {
      expect(refusal(file.subarray(0, length)), `cut to ${length} bytes`).not.toBeNull()
    }
    expect(refusal(Buffer.alloc(0))).toContain('it is empty')
    expect(refusal(file.subarray(0, 20))).toContain('shorter than its 44-byte header')
    expect(refusal(file.subarray(0, file.length - 1))).toContain('cut short, or bytes added')
    expect(refusal(Buffer.concat([file, Buffer.alloc(1)]))).toContain('cut short, or bytes added')
  })

  it('refuses a file of zeros, at its own length or as a whole block the disk never wrote', async () => {
    const file = await compacted('we welcome the resolution')
    expect(refusal(Buffer.alloc(file.length))).toContain('all NUL bytes')
    expect(refusal(Buffer.alloc(4096))).toContain('all NUL bytes')
  })

  it('names the damage through load() and leaves the file alone', async () => {
    const file = await compacted('we welcome the resolution')
    const damaged = Buffer.from(file)
    damaged[file.length - 3]! ^= 0x20
    await writeFile(stateFile('statement-1'), damaged)
    await expect(openLog().load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: stateFile('statement-1') })
    await expect(openLog().load('statement-1')).rejects.toThrow('its SHA-256 does not match its header')
    expect(await readFile(stateFile('statement-1'))).toEqual(damaged)
  })
})

describe('a state file in the old header-less format', () => {
  it('loads, runs of NULs in its text included, and gets the header at the next compaction', async () => {
    const { doc, updates } = editedDocument([`before${'\u0000'.repeat(40)}`, 'after'])
    const old = Y.encodeStateAsUpdate(doc)
    expect(hasStateHeader(old)).toBe(false)
    await writeFile(stateFile('statement-1'), old)
    const log = openLog()
    await log.append('statement-1', stateWithText(' and more'))
    const loaded = await log.load('statement-1')
    expect(loaded[0]).toEqual(old)
    const merged = new Y.Doc()
    for (const update of loaded) Y.applyUpdate(merged, update)
    expect(merged.getText('t').toString()).toContain(replayedText(updates))

    await log.compact('statement-1', Y.encodeStateAsUpdate(merged))
    const migrated = await readFile(stateFile('statement-1'))
    expect(migrated.subarray(0, MAGIC.length)).toEqual(MAGIC)
    expect(replayedText(await openLog().load('statement-1'))).toBe(merged.getText('t').toString())
  })

  it('loads the empty document (two NULs) but refuses more NULs, and bytes after the update', () => {
    expect(refusal(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull()
    expect(refusal(Buffer.alloc(3))).toContain('all NUL bytes')
    const old = stateWithText('we welcome the resolution')
    expect(refusal(old)).toBeNull()
    expect(refusal(Buffer.concat([old, Buffer.from([0])]))).toContain('1 bytes follow the Yjs update')
    expect(refusal(old.subarray(0, old.length - 1))).toContain('not a Yjs update')
  })
})

describe('state files in backups', () => {
  it('a backup whose state fails its checksum does not verify, even with a manifest that matches the damage, and is not restored', async () => {
    const dataDir = await realpath(await mkdtemp(join(tmpdir(), 'plenary-state-backup-')))
    try {
      const storage = await openFileStorage(dataDir, { onWarning: () => undefined })
      const statement = await storage.statements.create(makeStatement())
      await storage.documents.compact(statement.id, stateWithText('Madam Chair'))
      await storage.close()
      const backup = await takeBackup(dataDir, { keep: 3 })
      const relativePath = `documents/${statement.id}.state`
      const file = join(backup.path, relativePath)

      // Damage that slipped past the manifest (written again after the damage): only the header can tell.
      const damaged = await readFile(file)
      damaged[damaged.length - 1]! ^= 0x01
      await writeFile(file, damaged)
      const manifest = await readManifest(backup.path)
      await writeManifest(backup.path, { ...manifest, files: manifest.files.map((entry) => (entry.path === relativePath ? manifestEntry(relativePath, damaged) : entry)) })

      await expect(verifyBackup(backup.path)).rejects.toMatchObject({ code: 'BACKUP_INVALID', path: file })
      await expect(verifyBackup(backup.path)).rejects.toThrow('its SHA-256 does not match its header')
      await expect(restoreBackup(dataDir, backup.path)).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
      expect(await readdir(dataDir)).not.toContain('restore-in-progress')
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
