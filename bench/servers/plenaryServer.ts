import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ApiClient } from '../../server/test/apiClient.js'
import type { BenchServer, Endpoint } from './benchServer.js'
import { forkServer, type ChildServer } from './childServer.js'

const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' }
const PASSWORD = 'bench-member-password'
/** Clients share a few real accounts: each connection still authenticates with a session cookie and is authorised per message. */
const DRAFTERS = 4

/**
 * Limits raised for the bench, recorded in the results: only the upgrade
 * limits, which hundreds of clients from one address under four accounts
 * would trip. Every per-message limit (updates, awareness, apply time) stays
 * at its default.
 */
export const PLENARY_BENCH_ENV: Record<string, string> = {
  MAX_UPGRADES_PER_MINUTE_PER_ADDRESS: '1000000',
  MAX_UPGRADES_PER_MINUTE_PER_USER: '1000000',
}

/**
 * Plenary's real server in its own process with authentication and persistence
 * on, in a temporary DATA_DIR, at its default save timing. Only the limits a
 * load test from one address would trip are raised: upgrades per address and
 * per user (hundreds of clients from 127.0.0.1 under four accounts). Automatic
 * backups are off so that none runs during a measurement.
 */
export async function startPlenary(options: { execArgv?: string[]; env?: Record<string, string> } = {}): Promise<BenchServer> {
  const execArgv = options.execArgv ?? []
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plenary-bench-'))
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CLIENT_DIR: '',
    BACKUP_INTERVAL_HOURS: '0',
    NODE_ENV: 'production',
    ...PLENARY_BENCH_ENV,
    ...options.env,
  }
  let child: ChildServer = await forkServer('bench/servers/plenaryChild.ts', env, execArgv)
  const origin = () => `http://localhost:${child.port}`
  const api = () => new ApiClient(`http://127.0.0.1:${child.port}`, origin())

  const admin = await api().login(ADMIN.email, ADMIN.password)
  const org = await admin.post('/api/organizations', { name: 'Bench Drafting Org', country: 'Austria', ecosocStatus: 'special' })
  if (org.status !== 201) throw new Error(`create organisation: ${org.status} ${org.text}`)
  const me = await admin.get('/api/me')
  const invite = async (email: string, organizationId: string, role: string) => {
    const invitation = await admin.post('/api/invitations', { email, organizationId, role, canSign: false })
    if (invitation.status !== 201) throw new Error(`invite ${email}: ${invitation.status} ${invitation.text}`)
    const person = api()
    const accepted = await person.post(`/api/invitations/${invitation.body.token}/accept`, { name: email.split('@')[0], password: PASSWORD })
    if (accepted.status !== 201) throw new Error(`accept ${email}: ${accepted.status} ${accepted.text}`)
    return person
  }
  const coordinator = await invite('coordinator@bench.test', me.body.organization.id, 'coordinator')
  const drafters: ApiClient[] = []
  for (let i = 0; i < DRAFTERS; i++) drafters.push(await invite(`drafter${i}@bench.test`, org.body.id, 'member'))
  let created = 0

  return {
    name: 'plenary',
    persists: true,
    pid: () => child.pid,
    async createDocuments(count) {
      const ids: string[] = []
      for (let i = 0; i < count; i++) {
        const res = await coordinator.post('/api/statements', { title: `Bench statement ${++created}`, visibility: 'members', draftingOrganizationIds: [org.body.id] })
        if (res.status !== 201) throw new Error(`create statement: ${res.status} ${res.text}`)
        ids.push(res.body.id)
      }
      return ids
    },
    endpoint: (room, clientIndex): Endpoint => ({
      dialect: 'y-websocket',
      serverUrl: `ws://127.0.0.1:${child.port}/collab`,
      room,
      headers: { origin: origin(), cookie: drafters[clientIndex % DRAFTERS]?.cookie as string },
    }),
    collectGarbage: () => child.request<void>('gc'),
    heapUsed: () => child.request<number>('heapUsed'),
    openDocuments: (rooms) => child.request<number>('openDocuments', rooms),
    bytesWritten: () => child.request<number>('bytesWritten'),
    async restart() {
      await child.stop()
      child = await forkServer('bench/servers/plenaryChild.ts', env, execArgv)
      return true
    },
    async stop() {
      await child.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
