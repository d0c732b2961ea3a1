import { createServer, type Server } from 'node:http'
import { textIsOpen } from '../shared/domain/lifecycle.js'
import type { AddressInfo } from 'node:net'
import { BackupSchedule } from './backupSchedule.js'
import { CollabServer } from './collab/collabServer.js'
import { DocumentRegistry, type RegistryHooks } from './collab/documentRegistry.js'
import { refuseUpgrade } from './collab/upgradeResponse.js'
import type { Config } from './config.js'
import { ServerEvents } from './events.js'
import { createApp } from './http/app.js'
import { clientAddress } from './http/clientAddress.js'
import type { Logger } from './logger.js'
import type { ServiceContext } from './services/context.js'
import { AutomaticVersions } from './services/automaticVersions.js'
import { FirstRunSetup } from './services/setup.js'
import type { Storage } from './storage/ports.js'

export interface RunningServer {
  /** e.g. http://127.0.0.1:43121 */
  url: string
  port: number
  /** The origin browsers must use (PUBLIC_URL). */
  publicUrl: string
  /** The first-run link when no account exists and no ADMIN_EMAIL was given. */
  setupUrl: string | null
  ctx: ServiceContext
  documents: DocumentRegistry
  automaticVersions: AutomaticVersions
  collab: CollabServer
  httpServer: Server
  /** Stops accepting, closes sockets (1001), saves every open statement, closes storage. */
  close(): Promise<void>
}

export interface StartOptions {
  config: Config
  storage: Storage
  logger: Logger
  now?: () => Date
  /** Backups while the server runs (main.ts passes the data directory's); none when absent. */
  backups?: { intervalMs: number; take: () => Promise<{ path: string }> }
  /** How often the relay closes sockets whose session expired while open; 15 s when absent. */
  sessionSweepMs?: number
}

/** Log is folded into one state once it has grown this much since the last compaction. */
const COMPACT_AFTER_BYTES = 1024 * 1024

export async function startServer({ config, storage, logger, now = () => new Date(), backups, sessionSweepMs }: StartOptions): Promise<RunningServer> {
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`
  const hooks: RegistryHooks = {
    prepare: async (room) => {
      const statement = await storage.statements.get(room.statementId)
      room.textOpen = statement !== null && textIsOpen(statement.status)
    },
  }
  const documents = new DocumentRegistry(
    storage.documents,
    { debounceMs: config.saveDebounceMs, maxWaitMs: config.saveMaxWaitMs, compactAfterBytes: COMPACT_AFTER_BYTES, broadcastFramesPerSecond: config.broadcastFramesPerSecond, now: () => now().getTime() },
    logger,
    hooks,
  )
  const ctx: ServiceContext = {
    storage,
    documents,
    events: new ServerEvents(),
    logger,
    now,
    publicUrl: () => publicUrl,
    sessionTtlMs: config.sessionTtlMs,
  }
  const automaticVersions = new AutomaticVersions(ctx)
  // Bound here because the service needs the registry that calls it.
  hooks.beforeUnload = automaticVersions.onLastLeave
  automaticVersions.start()
  // Lifecycle changes close or reopen the text of a loaded statement at once.
  ctx.events.on('statementChanged', (statement) => {
    const room = documents.loadedRoom(statement.id)
    if (room) room.textOpen = textIsOpen(statement.status)
  })
  const setup = new FirstRunSetup(ctx, config.adminOrganization)
  const setupToken = await setup.prepare(config.admin)

  const app = createApp({
    ctx,
    setup,
    cookies: { secure: publicUrl.startsWith('https:'), maxAgeMs: config.sessionTtlMs },
    login: { attempts: config.loginAttempts, windowMs: config.loginWindowMs },
    signon: { submissions: config.signonSubmissions, windowMs: config.signonWindowMs },
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
  })
  const collab = new CollabServer({
    ctx,
    registry: documents,
    maxMessageBytes: config.maxMessageBytes,
    limits: config.collabLimits,
    allowedOrigin: () => publicUrl,
    clientAddress: (req) => clientAddress(app, req),
    sessionSweepMs,
  })
  const httpServer = createServer(app)
  httpServer.on('upgrade', (req, socket, head) => {
    if (CollabServer.isCollabRequest(req)) void collab.handleUpgrade(req, socket, head)
    else if (httpServer.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404, 'not_found', 'No WebSocket endpoint here')
  })

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => resolve())
  })
  const port = (httpServer.address() as AddressInfo).port
  if (!config.publicUrl) publicUrl = `http://localhost:${port}`
  const backupSchedule = backups ? new BackupSchedule({ ...backups, logger }) : null
  backupSchedule?.start()

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      automaticVersions.stop()
      const backupStopped = backupSchedule?.stop()
      httpServer.close()
      collab.close()
      try {
        await documents.closeAll()
      } finally {
        // A backup reads the files storage is about to let go of (and another server may then take).
        await backupStopped
        await storage.close()
        httpServer.closeAllConnections()
      }
    })())

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    publicUrl,
    setupUrl: setupToken ? `${publicUrl}/setup/${setupToken}` : null,
    ctx,
    documents,
    automaticVersions,
    collab,
    httpServer,
    close,
  }
}
