import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as prng from 'lib0/prng'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeLog } from '../storage/files/logRecords.js'
import { decodeStateFile } from '../storage/files/stateFile.js'
import * as syncProtocol from 'y-protocols/sync'
import { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider } from './collabClient.js'
import { rawSocket, syncStep1Message, updateMessage } from './rawSocket.js'
import { freePort, spawnServer, type ServerProcess } from './serverProcess.js'
import { ADMIN, startTestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/**
 * `kill -9` the real server at seeded random moments while several real
 * y-websocket clients type unique tokens, restart it on the same DATA_DIR, let
 * the clients reconnect by themselves, and check after every restart that
 * nothing the server had persisted and nothing a live client holds was lost or
 * doubled. The seed fixes the schedule (kill moments, save settings, who types
 * what, who leaves); thread timing still varies from run to run. Rerun with
 * CRASH_SEED=<seed> CRASH_ROUNDS=<n> npx vitest run server/test/crashLoop.test.ts
 */
const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31)
const ROUNDS = process.env.CRASH_ROUNDS ? Math.max(2, Number(process.env.CRASH_ROUNDS)) : 5
console.log(`crashLoop: CRASH_SEED=${SEED} CRASH_ROUNDS=${ROUNDS}`)

const TOKEN = /c\d+-r\d+-\d+/g

function tokensIn(text: string): string[] {
  return text.match(TOKEN) ?? []
}

function countTokens(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1)
  return counts
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * The tokens a statement's files hold while the server is dead: what the next
 * server will load. Read without writing (a torn tail is skipped, as load() would).
 */
async function persistedTokens(dataDir: string, statementId: string): Promise<string[]> {
  const base = path.join(dataDir, 'documents', statementId)
  const doc = new Y.Doc()
  const state = await readIfExists(`${base}.state`)
  if (state) Y.applyUpdate(doc, decodeStateFile(`${base}.state`, state))
  const log = await readIfExists(`${base}.log`)
  if (log) {
    const decoded = decodeLog(log)
    if (decoded.kind === 'corrupt') throw new Error(`kill -9 left a corrupt log for ${statementId} (damage at byte ${decoded.damagedAt})`)
    for (const update of decoded.updates) Y.applyUpdate(doc, update)
  }
  return tokensIn(doc.getXmlFragment('default').toString())
}

async function logSize(dataDir: string, statementId: string): Promise<number> {
  try {
    return (await stat(path.join(dataDir, 'documents', `${statementId}.log`))).size
  } catch {
    return -1
  }
}

/** One person typing unique tokens, sometimes into the last paragraph, sometimes into a new one. */
class Typist {
  readonly typed: string[] = []
  readonly client: ReturnType<typeof connectProvider>
  private timer: NodeJS.Timeout | undefined
  private count = 0
  round = 0

  constructor(
    readonly name: string,
    readonly statementId: string,
    server: { url: string; publicUrl: string },
    cookie: string,
    private readonly gen: prng.PRNG,
  ) {
    this.client = connectProvider(server as never, statementId, cookie)
    this.client.provider.on('connection-close', (event) => this.closes.push(event?.code ?? 0))
  }

  /** Close codes seen, for the failure report. */
  readonly closes: number[] = []

  describe(): string {
    const { provider } = this.client
    return `${this.name}: connected=${provider.wsconnected} synced=${provider.synced} closes=${this.closes.join(',')}`
  }

  start(): void {
    if (this.timer) return
    const next = () => {
      this.typeOne()
      this.timer = setTimeout(next, prng.int32(this.gen, 5, 60))
    }
    this.timer = setTimeout(next, prng.int32(this.gen, 0, 30))
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  leave(): void {
    this.stop()
    this.client.provider.destroy()
  }

  private typeOne(): void {
    const token = `${this.name}-r${this.round}-${this.count++}`
    this.typed.push(token)
    const fragment = this.client.doc.getXmlFragment('default')
    const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null
    const text = last instanceof Y.XmlElement ? last.get(0) : null
    if (text instanceof Y.XmlText && prng.int32(this.gen, 0, 3) > 0) {
      text.insert(text.length, `${token} `)
    } else {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`${token} `)])
      fragment.insert(fragment.length, [paragraph])
    }
  }

  tokens(): string[] {
    return tokensIn(this.client.text())
  }
}

type KillMoment = 'afterDelay' | 'afterTokens' | 'onLogGrowth' | 'duringReload'

describe(`crash loop (CRASH_SEED=${SEED})`, () => {
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  const typists: Typist[] = []
  afterAll(async () => {
    for (const typist of typists) typist.leave()
    for (const p of processes) p.child.kill('SIGKILL')
    await Promise.all(processes.map((p) => p.exited))
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it(
    'loses nothing persisted and nothing a live client holds, and doubles nothing, across seeded kill -9s',
    async () => {
      const gen = prng.create(SEED)
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plenary-crash-'))
      dirs.push(dataDir)
      const port = await freePort()
      const publicUrl = `http://localhost:${port}`
      const address = { url: `http://127.0.0.1:${port}`, publicUrl }
      const log: string[] = []
      const began = Date.now()
      const elapsed = () => `${((Date.now() - began) / 1000).toFixed(1)} s`

      /** A fresh server; the save schedule varies by round so that kills land in debounces, saves and compactions alike. */
      const start = async (): Promise<ServerProcess> => {
        const debounce = prng.oneOf(gen, [0, 20, 100])
        const maxWait = debounce + prng.oneOf(gen, [30, 150, 600])
        const server = await spawnServer(dataDir, port, {
          SAVE_DEBOUNCE_MS: String(debounce),
          SAVE_MAX_WAIT_MS: String(maxWait),
          MAX_UPDATE_BURST: '1000000',
          MAX_UPDATES_PER_SECOND: '1000000',
        })
        processes.push(server)
        log.push(`  server pid ${server.child.pid}: SAVE_DEBOUNCE_MS=${debounce} SAVE_MAX_WAIT_MS=${maxWait}`)
        return server
      }
      const kill = async (server: ServerProcess): Promise<void> => {
        server.child.kill('SIGKILL')
        await server.exited
        processes.splice(processes.indexOf(server), 1)
      }

      let server = await start()
      const admin = await new ApiClient(address.url, publicUrl).login(ADMIN.email, ADMIN.password)
      const cookie = admin.cookie as string
      const statements: string[] = []
      for (const title of ['Crash loop A', 'Crash loop B']) {
        const res = await admin.post('/api/statements', { title, visibility: 'members' })
        expect(res.status).toBe(201)
        statements.push(res.body.id)
      }
      const [a, b] = statements as [string, string]
      let clients = 0
      const join = (statementId: string): Typist => {
        const typist = new Typist(`c${clients++}`, statementId, address, cookie, prng.create(prng.uint32(gen, 0, 2 ** 31)))
        typists.push(typist)
        return typist
      }
      // Three people on one statement (their edits reach each other before they are saved), one alone on another.
      const live = [join(a), join(a), join(a), join(b)]
      await waitFor(() => live.every((t) => t.client.provider.synced), { what: 'every client to sync' })

      const serverText = async (statementId: string): Promise<string> => {
        const res = await admin.get(`/api/statements/${statementId}/content?format=text`)
        if (res.status !== 200) throw new Error(`content of ${statementId}: ${res.status} ${res.text}`)
        return res.text
      }

      /** Tokens that were on disk when some server died: they must never go missing. */
      const persisted = new Map<string, Set<string>>(statements.map((id) => [id, new Set()]))
      const leaveRound = prng.int32(gen, 0, ROUNDS - 2)
      const gone: Typist[] = []

      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const moment = prng.oneOf<KillMoment>(gen, ['afterDelay', 'afterTokens', 'onLogGrowth', 'duringReload'])
          for (const typist of live) {
            typist.round = round
            typist.start()
          }
          const typedAtStart = live.reduce((sum, t) => sum + t.typed.length, 0)
          // The random moment itself is the point here, not a stand-in for a condition.
          if (moment === 'afterDelay') {
            await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 0, 1500)))
          } else if (moment === 'afterTokens') {
            const tokens = prng.int32(gen, 1, 120)
            await waitFor(() => live.reduce((sum, t) => sum + t.typed.length, 0) - typedAtStart >= tokens, { what: `${tokens} tokens typed` })
          } else {
            // Right after a save reached the log of a random statement: likely while the next one is written.
            // duringReload kills here too, and kills the next server again while it loads and compacts.
            const watched = prng.oneOf(gen, statements)
            const before = await logSize(dataDir, watched)
            await waitFor(async () => (await logSize(dataDir, watched)) !== before, { timeoutMs: 20_000, what: 'a save to reach the log' })
          }
          await kill(server)
          for (const id of statements) for (const token of await persistedTokens(dataDir, id)) persisted.get(id)!.add(token)
          // A little typing while the server is down, then quiet until it is back (keeps the documents, and the run, small).
          await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 0, 300)))
          for (const typist of live) typist.stop()
          log.push(`round ${round} at ${elapsed()}: killed ${moment}; typed ${typists.reduce((s, t) => s + t.typed.length, 0)}, persisted ${[...persisted.values()].reduce((s, p) => s + p.size, 0)}`)

          if (round === leaveRound) {
            // Someone closes the tab while the server is down: their unsaved tokens may be lost (unless a
            // neighbour received them), what they had persisted may not. Someone new takes their place.
            const leaver = prng.oneOf(gen, live)
            leaver.leave()
            gone.push(leaver)
            live.splice(live.indexOf(leaver), 1)
            log.push(`  ${leaver.name} left while the server was down`)
          }

          server = await start()
          // Typing through the reconnection: edits reach the server before the provider's sync step 2 does.
          for (const typist of live) typist.start()
          if (moment === 'duringReload') {
            // Kill while the first reconnection loads the statement and folds its log into the state.
            await waitFor(() => live.some((t) => t.client.provider.synced), { timeoutMs: 30_000, what: 'a client to reconnect' })
            await kill(server)
            for (const id of statements) for (const token of await persistedTokens(dataDir, id)) persisted.get(id)!.add(token)
            server = await start()
          }
          if (round === leaveRound) {
            const newcomer = join(gone.at(-1)!.statementId)
            newcomer.round = round
            newcomer.start()
            live.push(newcomer)
          }
          await waitFor(() => live.every((t) => t.client.provider.synced), { timeoutMs: 30_000, what: 'every client to reconnect and sync' })
          await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 0, 400)))
          for (const typist of live) typist.stop()

          // Everyone, server included, converges on the same tokens.
          for (const id of statements) {
            const here = live.filter((t) => t.statementId === id)
            await waitFor(
              async () => {
                const onServer = [...new Set(tokensIn(await serverText(id)))].sort().join(' ')
                return here.every((t) => [...new Set(t.tokens())].sort().join(' ') === onServer)
              },
              { timeoutMs: 30_000, what: `clients and server to agree on statement ${id}` },
            )
            const onServer = tokensIn(await serverText(id))
            const duplicated = [...countTokens(onServer)].filter(([, n]) => n > 1).map(([token]) => token)
            expect(duplicated, `tokens twice on the server after round ${round}`).toEqual([])
            const lost = [...persisted.get(id)!].filter((token) => !onServer.includes(token))
            expect(lost, `persisted tokens missing after round ${round}`).toEqual([])
            const ownLost = here.flatMap((t) => t.typed).filter((token) => !onServer.includes(token))
            expect(ownLost, `tokens of live clients missing after round ${round}`).toEqual([])
            const typedHere = new Set(typists.filter((t) => t.statementId === id).flatMap((t) => t.typed))
            expect(onServer.filter((token) => !typedHere.has(token)), 'tokens nobody typed here').toEqual([])
          }
        }

        // Finally a clean stop and a cold start with nobody connected: the server alone has everything, once.
        const converged = new Map<string, string[]>()
        for (const id of statements) converged.set(id, tokensIn(await serverText(id)).sort())
        for (const typist of live) typist.leave()
        server.child.kill('SIGTERM')
        expect(await server.exited).toBe(0)
        processes.splice(processes.indexOf(server), 1)
        server = await start()
        for (const id of statements) expect(tokensIn(await serverText(id)).sort()).toEqual(converged.get(id))
        const leaverTokens = gone.flatMap((t) => t.typed)
        const leaverKept = leaverTokens.filter((token) => [...converged.values()].some((tokens) => tokens.includes(token))).length
        log.push(`done at ${elapsed()}: ${typists.reduce((s, t) => s + t.typed.length, 0)} tokens typed; the leaver kept ${leaverKept} of ${leaverTokens.length}`)
        console.log(`crashLoop CRASH_SEED=${SEED}\n${log.join('\n')}`)
      } catch (error) {
        console.error(`crashLoop failed with CRASH_SEED=${SEED}\n${log.join('\n')}\n${typists.map((t) => t.describe()).join('\n')}\n--- server output ---\n${server.output().slice(-4000)}`)
        throw error
      }
    },
    60_000 + ROUNDS * 40_000,
  )
})

describe('reconnecting after a crash', () => {
  it('takes updates sent between a client\'s sync step 1 and its step 2 from that step 2, instead of refusing the client', async () => {
    const server = await startTestServer()
    try {
      const admin = await server.admin()
      const { id } = (await admin.post('/api/statements', { title: 'Reconnect', visibility: 'members' })).body
      // What a provider holds after the server lost its last save: an edit, and one typed after it.
      const doc = new Y.Doc()
      appendParagraph(doc, 'lost-by-the-server')
      const typedDuringHandshake: Uint8Array[] = []
      doc.on('update', (update: Uint8Array) => typedDuringHandshake.push(update))
      appendParagraph(doc, 'typed-while-reconnecting')

      const socket = rawSocket(server, id, admin.cookie)
      await socket.opened()
      socket.ws.send(syncStep1Message(doc))
      socket.ws.send(updateMessage(typedDuringHandshake[0]!)) // builds on an edit the server does not have
      socket.ws.send(updateMessage(Y.encodeStateAsUpdate(doc), syncProtocol.messageYjsSyncStep2))
      const text = async () => (await admin.get(`/api/statements/${id}/content?format=text`)).text
      await waitFor(async () => (await text()) === 'lost-by-the-server\ntyped-while-reconnecting', { what: 'both edits on the server' })
      await socket.roundTrip()
      expect(socket.closeCode()).toBeNull()
      socket.ws.close()
    } finally {
      await server.stop({ removeData: true })
    }
  })
})
