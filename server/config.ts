import { isIP } from 'node:net'
import path from 'node:path'
import { LIMITS } from '../shared/limits.js'
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from './collab/collabLimits.js'

/** Everything the server reads from the environment, parsed once at start. */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** The origin browsers use. Undefined means http://localhost:<actual port>, decided after listen. */
  publicUrl: string | undefined
  admin: { email: string; password: string; organization: string } | null
  adminOrganization: string
  maxMessageBytes: number
  /** Per-connection awareness caps and message rates of the collaboration relay, and its upgrade rates. */
  collabLimits: CollabLimits
  /**
   * Express's `trust proxy`: which hops may name the client in X-Forwarded-For.
   * The login, sign-on and WebSocket upgrade limits key on the address it yields.
   */
  trustProxy: boolean | number | string
  sessionTtlMs: number
  /** Frames a second one statement's broadcasts may send: N connections wait N / this between broadcasts (see RoomOptions). */
  broadcastFramesPerSecond: number
  /** Saves of a document wait for this much quiet... */
  saveDebounceMs: number
  /** ...but never longer than this after the first unsaved change: what a kill -9 can lose. */
  saveMaxWaitMs: number
  /** Failed logins allowed per e-mail and address in loginWindowMs. */
  loginAttempts: number
  loginWindowMs: number
  /** Outside sign-on submissions allowed per address in signonWindowMs. */
  signonSubmissions: number
  signonWindowMs: number
  /** Serve the built client from this folder; null serves the API only. */
  clientDir: string | null
  /** Automatic backups into <dataDir>/backups/: one at start, then one every this many ms; 0 takes none. */
  backupIntervalMs: number
  /** How many complete backups are kept (automatic and `npm run backup` alike). */
  backupKeep: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function publicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL such as https://plenary.example.org, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('PUBLIC_URL must use http or https')
  return url.origin
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** TRUST_PROXY as Express reads it: true, false, a hop count, or comma-separated addresses, subnets and names. */
function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? ''
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  for (const entry of value.split(',').map((part) => part.trim())) {
    const [address = '', mask, ...rest] = entry.split('/')
    const valid = PROXY_NAMES.has(entry) || (rest.length === 0 && isIP(address) !== 0 && (mask === undefined || /^\d{1,3}$/.test(mask) || isIP(mask) !== 0))
    if (!valid) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops, or addresses such as "loopback, 10.0.0.0/8"; "${entry}" is none of these`)
    }
  }
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const adminOrganization = env.ADMIN_ORG?.trim() || 'Alliance Secretariat'
  const adminEmail = env.ADMIN_EMAIL?.trim()
  const adminPassword = env.ADMIN_PASSWORD
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither')
  }
  if (adminPassword !== undefined && adminPassword.length > 0 && adminPassword.length < LIMITS.passwordMinLength) {
    throw new ConfigError(`ADMIN_PASSWORD must be at least ${LIMITS.passwordMinLength} characters`)
  }
  const saveDebounceMs = integer(env, 'SAVE_DEBOUNCE_MS', 300, 0, 60_000)
  const saveMaxWaitMs = integer(env, 'SAVE_MAX_WAIT_MS', 1000, 1, 600_000)
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    publicUrl: publicUrl(env.PUBLIC_URL?.trim()),
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword, organization: adminOrganization } : null,
    adminOrganization,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', LIMITS.defaultMaxMessageBytes, 1024, 64 * 1024 * 1024),
    collabLimits: {
      maxAwarenessClients: integer(env, 'MAX_AWARENESS_CLIENTS', DEFAULT_COLLAB_LIMITS.maxAwarenessClients, 1, 1000),
      maxAwarenessStateBytes: integer(env, 'MAX_AWARENESS_STATE_BYTES', DEFAULT_COLLAB_LIMITS.maxAwarenessStateBytes, 64, 1024 * 1024),
      updateBurst: integer(env, 'MAX_UPDATE_BURST', DEFAULT_COLLAB_LIMITS.updateBurst, 1, 1_000_000),
      updatesPerSecond: integer(env, 'MAX_UPDATES_PER_SECOND', DEFAULT_COLLAB_LIMITS.updatesPerSecond, 1, 1_000_000),
      syncStep1Burst: integer(env, 'MAX_SYNC_STEP1_BURST', DEFAULT_COLLAB_LIMITS.syncStep1Burst, 1, 1_000_000),
      syncStep1PerSecond: integer(env, 'MAX_SYNC_STEP1_PER_SECOND', DEFAULT_COLLAB_LIMITS.syncStep1PerSecond, 1, 1_000_000),
      awarenessBurst: integer(env, 'MAX_AWARENESS_BURST', DEFAULT_COLLAB_LIMITS.awarenessBurst, 1, 1_000_000),
      awarenessPerSecond: integer(env, 'MAX_AWARENESS_PER_SECOND', DEFAULT_COLLAB_LIMITS.awarenessPerSecond, 1, 1_000_000),
      updateApplyMs: integer(env, 'MAX_UPDATE_APPLY_MS', DEFAULT_COLLAB_LIMITS.updateApplyMs, 10, 60_000),
      maxSendBufferBytes: integer(env, 'MAX_SEND_BUFFER_BYTES', DEFAULT_COLLAB_LIMITS.maxSendBufferBytes, 64 * 1024, 1024 * 1024 * 1024),
      upgradesPerMinutePerAddress: integer(env, 'MAX_UPGRADES_PER_MINUTE_PER_ADDRESS', DEFAULT_COLLAB_LIMITS.upgradesPerMinutePerAddress, 1, 1_000_000),
      upgradesPerMinutePerUser: integer(env, 'MAX_UPGRADES_PER_MINUTE_PER_USER', DEFAULT_COLLAB_LIMITS.upgradesPerMinutePerUser, 1, 1_000_000),
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    sessionTtlMs: integer(env, 'SESSION_TTL_HOURS', 14 * 24, 1, 24 * 365) * 60 * 60 * 1000,
    broadcastFramesPerSecond: integer(env, 'BROADCAST_FRAMES_PER_SECOND', 20_000, 0, 100_000_000),
    saveDebounceMs: Math.min(saveDebounceMs, saveMaxWaitMs),
    saveMaxWaitMs,
    loginAttempts: integer(env, 'LOGIN_MAX_ATTEMPTS', 10, 1, 10_000),
    loginWindowMs: integer(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60) * 60 * 1000,
    signonSubmissions: integer(env, 'SIGNON_MAX_SUBMISSIONS', 20, 1, 100_000),
    signonWindowMs: integer(env, 'SIGNON_WINDOW_MINUTES', 60, 1, 24 * 60) * 60 * 1000,
    clientDir: env.CLIENT_DIR === '' ? null : path.resolve(cwd, env.CLIENT_DIR?.trim() || 'dist/client'),
    // At most 24 days: Node's timers cannot wait longer than 2^31 ms.
    backupIntervalMs: integer(env, 'BACKUP_INTERVAL_HOURS', 24, 0, 24 * 24) * 60 * 60 * 1000,
    backupKeep: integer(env, 'BACKUP_KEEP', 7, 1, 1000),
  }
}
