import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BackupSchedule } from '../backupSchedule.js'
import { listBackups } from '../storage/backup/backupCatalog.js'
import { verifyBackup } from '../storage/backup/backupManifest.js'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { freePort, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN } from './testServer.js'
import { waitFor } from './waitFor.js'

/** `npm run backup`, `npm run restore` and the start's refusal of damaged files, run as an operator would. */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command from the repository root to its end, output kept apart. */
async function run(command: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

const npmRun = (script: string, dataDir: string, ...args: string[]) =>
  run(npm, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { DATA_DIR: dataDir })

// Each test starts real processes (a server, npm) several times on a machine other work shares.
describe('backups of a running server, and restore', { timeout: 180_000 }, () => {
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  afterEach(async () => {
    for (const server of processes.splice(0)) server.child.kill('SIGKILL')
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plenary-backup-'))
    dirs.push(dir)
    return dir
  }
  async function start(dataDir: string, port: number, env: Record<string, string> = {}) {
    const server = await spawnServer(dataDir, port, env)
    processes.push(server)
    const admin = await new ApiClient(server.url, `http://localhost:${port}`).login(ADMIN.email, ADMIN.password)
    return { server, admin }
  }
  async function stop(server: ServerProcess): Promise<void> {
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    processes.splice(processes.indexOf(server), 1)
  }

  it('npm run backup works beside a running server; restore refuses while it runs, and afterwards brings the backup back', async () => {
    const dataDir = await tempDir()
    const port = await freePort()
    const publicUrl = `http://localhost:${port}`
    const first = await start(dataDir, port)
    // A first start has nothing to back up yet.
    expect(await listBackups(dataDir)).toEqual([])
    const kept = (await first.admin.post('/api/statements', { title: 'Kept by the backup', visibility: 'members' })).body
    const writer = connectProvider({ url: first.server.url, publicUrl } as never, kept.id, first.admin.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'text-in-the-backup')
    await waitFor(async () => (await readdir(path.join(dataDir, 'documents'))).some((name) => name.startsWith(kept.id)), { what: 'document on disk' })

    const backup = await npmRun('backup', dataDir)
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stderr).toMatch(/written and verified/)
    const backupPath = backup.stdout.trim()
    expect(path.dirname(backupPath)).toBe(path.join(dataDir, 'backups'))
    const manifest = await verifyBackup(backupPath)
    expect(manifest.files.map((file) => file.path)).toEqual(expect.arrayContaining(['meta/statements.json', 'meta/users.json']))
    expect(manifest.files.some((file) => file.path.startsWith(`documents/${kept.id}.`))).toBe(true)

    appendParagraph(writer.doc, 'text-after-the-backup')
    const lost = (await first.admin.post('/api/statements', { title: 'Made after the backup', visibility: 'members' })).body
    const statementsBefore = await readFile(path.join(dataDir, 'meta', 'statements.json'))
    const refused = await npmRun('restore', dataDir, backupPath)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Restore failed, nothing was changed: Another Plenary server \(pid \d+\) is using DATA_DIR/)
    expect(await readFile(path.join(dataDir, 'meta', 'statements.json'))).toEqual(statementsBefore)
    expect((await first.admin.get(`/api/statements/${lost.id}`)).status).toBe(200)
    writer.provider.destroy()
    await stop(first.server)

    const restored = await npmRun('restore', dataDir, backupPath)
    expect(restored.code, restored.stderr).toBe(0)
    const setAside = /The data it replaced is in (\S+);/.exec(restored.stdout)?.[1] ?? ''
    expect(path.dirname(setAside)).toBe(dataDir)
    expect(path.basename(setAside)).toMatch(/^before-restore-\d{4}-\d{2}-\d{2}T/)
    expect(await readFile(path.join(setAside, 'meta', 'statements.json'))).toEqual(statementsBefore)

    const second = await start(dataDir, port)
    // The start backed up what it found before changing anything.
    expect(second.server.output()).toMatch(/Backup written to .*backups/)
    expect((await second.admin.get(`/api/statements/${kept.id}`)).body.title).toBe('Kept by the backup')
    expect((await second.admin.get(`/api/statements/${kept.id}/content?format=text`)).text).toBe('text-in-the-backup')
    expect((await second.admin.get(`/api/statements/${lost.id}`)).status).toBe(404)
    expect((await listBackups(dataDir)).filter((entry) => entry.complete)).toHaveLength(2)
  })

  it('npm run restore without a backup lists the backups there are', async () => {
    const dataDir = await tempDir()
    const usage = await npmRun('restore', dataDir)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: npm run restore -- <backup-dir>')
    expect(usage.stderr).toContain(`There are no backups in ${path.join(dataDir, 'backups')}`)
  })

  describe('a damaged file at start', () => {
    // Each kind of damage once, on the metadata and on a document state in turn.
    const cases: [string, 'meta' | 'state', (original: Buffer) => Buffer][] = [
      ['empty', 'meta', () => Buffer.alloc(0)],
      ['truncated', 'state', (original) => original.subarray(0, Math.floor(original.length / 2))],
      ['NUL-filled', 'meta', (original) => Buffer.alloc(original.length)],
      ['not what it should be', 'state', () => Buffer.from('{"version": 1, "items": [} oops')],
    ]
    /** A data directory with a statement whose text is in a state file, and a backup of it; each case damages a copy. */
    let template: { dataDir: string; statementId: string; backupName: string }
    beforeAll(async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plenary-backup-template-'))
      const port = await freePort()
      const server = await spawnServer(dataDir, port)
      const admin = await new ApiClient(server.url, `http://localhost:${port}`).login(ADMIN.email, ADMIN.password)
      const statement = (await admin.post('/api/statements', { title: 'Damaged later', visibility: 'members' })).body
      const writer = connectProvider({ url: server.url, publicUrl: `http://localhost:${port}` } as never, statement.id, admin.cookie)
      await synced(writer.provider)
      appendParagraph(writer.doc, 'a paragraph long enough to be worth a state file of its own')
      await waitFor(async () => (await admin.get(`/api/statements/${statement.id}/content?format=text`)).text.includes('paragraph'))
      writer.provider.destroy()
      // Stopping compacts the document into its state file.
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
      const backup = await npmRun('backup', dataDir)
      expect(backup.code, backup.stderr).toBe(0)
      template = { dataDir, statementId: statement.id, backupName: path.basename(backup.stdout.trim()) }
    }, 180_000)
    afterAll(async () => {
      if (template) await rm(template.dataDir, { recursive: true, force: true })
    })

    it.each(cases)('(%s, a %s file) stops the server: exit code 1, the file and the restore command on stderr, the file untouched', async (_damage, which, damage) => {
      const dataDir = await tempDir()
      await cp(template.dataDir, dataDir, { recursive: true })
      const backupPath = path.join(dataDir, 'backups', template.backupName)
      const relativePath = which === 'meta' ? 'meta/statements.json' : `documents/${template.statementId}.state`
      const file = path.join(dataDir, relativePath)
      const damaged = damage(await readFile(file))
      await writeFile(file, damaged)

      const failed = await run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        CLIENT_DIR: '',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      })
      expect(failed.code).toBe(1)
      expect(failed.stderr).toContain(`Plenary cannot start: ${which === 'meta' ? 'Metadata' : 'Document state'} file ${file} is corrupt`)
      expect(failed.stderr).toContain(`The newest good backup holding ${relativePath} is ${backupPath}`)
      expect(failed.stderr).toContain(`npm run restore -- ${backupPath}`)
      expect(failed.stdout).not.toContain('Plenary is listening')
      expect(await readFile(file)).toEqual(damaged)
      expect(await readdir(dataDir)).not.toContain('plenary.lock')
    })
  })
})

describe('the backup schedule', () => {
  it('takes one every interval, never two at once, logs a failure and goes on, and stop() waits for the one running', async () => {
    const logged: string[] = []
    const logger = { info: (m: string) => void logged.push(m), warn: () => {}, error: (m: string) => void logged.push(`error: ${m}`) }
    let running = 0
    let overlapped = false
    let calls = 0
    let release: () => void = () => {}
    const schedule = new BackupSchedule({
      intervalMs: 20,
      logger,
      take: async () => {
        calls += 1
        running += 1
        overlapped ||= running > 1
        try {
          if (calls === 2) throw new Error('disk full')
          // The third one hangs until released, while the timer keeps ticking.
          if (calls === 3) await new Promise<void>((resolve) => (release = resolve))
          return { path: `/backups/${calls}` }
        } finally {
          running -= 1
        }
      },
    })
    schedule.start()
    await waitFor(() => calls === 3, { what: 'three scheduled backups' })
    const stopped = schedule.stop()
    let stopResolved = false
    void stopped.then(() => (stopResolved = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(stopResolved).toBe(false)
    release()
    await stopped
    expect(overlapped).toBe(false)
    expect(calls).toBe(3)
    expect(logged).toEqual(['Backup written to /backups/1', 'error: Scheduled backup failed; the previous backups are kept', 'Backup written to /backups/3'])
  })
})
