import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config } from '../config.js'
import { silentLogger, type Logger } from '../logger.js'
import { startServer, type RunningServer } from '../server.js'
import { openFileStorage } from '../storage/openStorage.js'
import type { DocumentStateStore } from '../storage/ports.js'
import { ApiClient } from './apiClient.js'

export const ADMIN = { email: 'admin@alliance.test', password: 'admin-password-1' }

export interface TestServer extends RunningServer {
  dataDir: string
  config: Config
  /** A signed-in client for the administrator created at start. */
  admin(): Promise<ApiClient>
  client(): ApiClient
  /** Closes the server; keeps the data directory unless `removeData`. */
  stop(options?: { removeData?: boolean }): Promise<void>
}

/**
 * The real server on port 0 with real files in a temporary data directory.
 * Pass `dataDir` to restart on the data of a previous server.
 */
export async function startTestServer(
  options: {
    dataDir?: string
    env?: Record<string, string>
    logger?: Logger
    now?: () => Date
    /** The relay's sweep of sockets whose session expired (15 s in production). */
    sessionSweepMs?: number
    /** Wraps the document store, e.g. to make writes hang or fail. */
    wrapDocuments?: (store: DocumentStateStore) => DocumentStateStore
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'plenary-test-')))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CLIENT_DIR: '',
    SAVE_DEBOUNCE_MS: '50',
    SAVE_MAX_WAIT_MS: '200',
    ...options.env,
  })
  const files = await openFileStorage(dataDir, { onWarning: () => undefined })
  const storage = options.wrapDocuments ? { ...files, documents: options.wrapDocuments(files.documents) } : files
  const server = await startServer({ config, storage, logger: options.logger ?? silentLogger, ...(options.now ? { now: options.now } : {}), sessionSweepMs: options.sessionSweepMs })
  const client = () => new ApiClient(server.url, server.publicUrl)
  return {
    ...server,
    dataDir,
    config,
    client,
    admin: () => client().login(ADMIN.email, ADMIN.password),
    async stop({ removeData = false } = {}) {
      await server.close()
      if (removeData) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
