import { createHash } from 'node:crypto'
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editedDocument, replayedText } from '../testYDocs.js'
import { createDocumentLog, type DocumentLog } from './documentLog.js'

/** How the document log deals with what crashes and damaged disks leave behind. */

let directory: string
let warnings: string[]
const logs: DocumentLog[] = []

function openLog(): DocumentLog {
  const log = createDocumentLog(directory, { onWarning: (message) => warnings.push(message) })
  logs.push(log)
  return log
}

const logFile = (statementId: string) => join(directory, `${statementId}.log`)
const stateFile = (statementId: string) => join(directory, `${statementId}.state`)

async function appendAll(log: DocumentLog, statementId: string, updates: Uint8Array[]): Promise<void> {
  for (const update of updates) await log.append(statementId, update)
}

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plenary-document-log-'))
  warnings = []
})

afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.close()))
  await rm(directory, { recursive: true, force: true })
})

describe('document log', () => {
  it('writes records as length, SHA-256 prefix, payload', async () => {
    const payload = new Uint8Array([1, 2, 3, 4, 5])
    await openLog().append('statement-1', payload)
    const expected = Buffer.concat([
      Buffer.from([0, 0, 0, 5]),
      createHash('sha256').update(payload).digest().subarray(0, 4),
      Buffer.from(payload),
    ])
    expect(await readFile(logFile('statement-1'))).toEqual(expected)
  })

  it('ignores a last record whose blocks the disk never wrote, warns, and cuts it off', async () => {
    const { updates } = editedDocument(['one ', 'two '])
    await appendAll(openLog(), 'statement-1', updates)
    const intactSize = (await stat(logFile('statement-1'))).size
    await appendFile(logFile('statement-1'), Buffer.alloc(64))

    const loaded = await openLog().load('statement-1')
    expect(replayedText(loaded)).toBe(replayedText(updates))
    expect(warnings).toEqual([expect.stringContaining(logFile('statement-1'))])
    expect((await stat(logFile('statement-1'))).size).toBe(intactSize)
  })

  it('ignores a tail shorter than a record header', async () => {
    const { updates } = editedDocument(['one ', 'two '])
    await appendAll(openLog(), 'statement-1', updates)
    await appendFile(logFile('statement-1'), Buffer.from([0, 0, 1]))
    expect(await openLog().load('statement-1')).toHaveLength(updates.length)
    expect(warnings).toHaveLength(1)
  })

  it('repairs a torn tail before appending, even without a load first', async () => {
    const { doc, updates } = editedDocument(['one ', 'two ', 'three'])
    const earlier = updates.slice(0, -1)
    const last = updates.at(-1)
    if (!last) throw new Error('no update')
    await appendAll(openLog(), 'statement-1', earlier)
    await appendFile(logFile('statement-1'), Buffer.from([0, 0, 0, 9, 1, 2, 3]))

    await openLog().append('statement-1', last)
    expect(replayedText(await openLog().load('statement-1'))).toBe(doc.getText('t').toString())
    expect(warnings).toHaveLength(1)
  })

  it('refuses a log with a damaged record in the middle, and does not write to it', async () => {
    const { updates } = editedDocument(['one ', 'two ', 'three'])
    await appendAll(openLog(), 'statement-1', updates)
    const damaged = await readFile(logFile('statement-1'))
    damaged[9] = (damaged[9] ?? 0) ^ 0xff
    await writeFile(logFile('statement-1'), damaged)

    const log = openLog()
    await expect(log.load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: logFile('statement-1') })
    await expect(log.load('statement-1')).rejects.toThrow(logFile('statement-1'))
    await expect(log.append('statement-1', new Uint8Array([0, 0]))).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' })
    expect(await readFile(logFile('statement-1'))).toEqual(damaged)
    expect(warnings).toEqual([])
  })

  it('refuses a log whose first record claims a length past the end of the file when intact records follow', async () => {
    const { updates } = editedDocument(['one ', 'two ', 'three'])
    await appendAll(openLog(), 'statement-1', updates)
    const damaged = await readFile(logFile('statement-1'))
    damaged.writeUInt32BE(0x00ff_ffff, 0)
    await writeFile(logFile('statement-1'), damaged)
    await expect(openLog().load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' })
  })

  it('refuses an empty state file, naming it', async () => {
    await writeFile(stateFile('statement-1'), '')
    await expect(openLog().load('statement-1')).rejects.toThrow(stateFile('statement-1'))
  })

  it('refuses a state file of zero bytes only, which Yjs would read as an empty document, and leaves it alone', async () => {
    await writeFile(stateFile('statement-1'), Buffer.alloc(4096))
    await expect(openLog().load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: stateFile('statement-1') })
    expect(await readFile(stateFile('statement-1'))).toEqual(Buffer.alloc(4096))
  })

  it('refuses a state file it cannot read, naming it', async () => {
    await mkdir(stateFile('statement-1'))
    await expect(openLog().load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', path: stateFile('statement-1') })
  })

  it('gives the same document when a crash left the old log next to the new state', async () => {
    const { doc, updates } = editedDocument(['one ', 'two ', 'three'])
    const log = openLog()
    await appendAll(log, 'statement-1', updates)
    const oldLog = await readFile(logFile('statement-1'))
    await log.compact('statement-1', Y.encodeStateAsUpdate(doc))
    expect(await readdir(directory)).toEqual(['statement-1.state'])
    await writeFile(logFile('statement-1'), oldLog)

    const loaded = await openLog().load('statement-1')
    expect(loaded).toHaveLength(1 + updates.length)
    expect(replayedText(loaded)).toBe(doc.getText('t').toString())
  })

  it('ignores a temporary state file left by a crash during compaction', async () => {
    const { doc, updates } = editedDocument(['one ', 'two '])
    const log = openLog()
    await appendAll(log, 'statement-1', updates)
    await writeFile(join(directory, 'statement-1.state.tmp'), 'half a state')
    expect(replayedText(await log.load('statement-1'))).toBe(doc.getText('t').toString())
    await log.compact('statement-1', Y.encodeStateAsUpdate(doc))
    expect(await readdir(directory)).toEqual(['statement-1.state'])
  })

  it('waits for running operations when closed, and refuses new ones', async () => {
    const log = openLog()
    const { updates } = editedDocument(['one ', 'two ', 'three'])
    const appends = updates.map((update) => log.append('statement-1', update))
    await log.close()
    await Promise.all(appends)
    await expect(log.load('statement-1')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
    expect(await openLog().load('statement-1')).toHaveLength(updates.length)
  })
})
