/**
 * Plenary's real server for the bench, as its own process: the same steps as
 * server/main.ts (configuration from the environment, the file storage, the real
 * startServer with authentication, authorisation and persistence), plus an IPC
 * channel through which the bench asks which statements are open and how many
 * bytes went into DATA_DIR.
 */
import { installWriteCounter } from './dataWriteCounter.js'
import { serveBench } from './childServer.js'

const dataDir = process.env.DATA_DIR
if (!dataDir) throw new Error('DATA_DIR is required')
// Before the server's modules load, so their imports of node:fs/promises see the counting versions.
const bytesWritten = await installWriteCounter(dataDir)

const { loadConfig } = await import('../../server/config.js')
const { silentLogger } = await import('../../server/logger.js')
const { startServer } = await import('../../server/server.js')
const { openFileStorage } = await import('../../server/storage/openStorage.js')

const config = loadConfig()
const storage = await openFileStorage(config.dataDir, { onWarning: (message) => console.warn(message) })
const server = await startServer({ config, storage, logger: silentLogger })

process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Plenary could not save everything on shutdown', error)
      process.exit(1)
    },
  )
})

serveBench(server.port, {
  async openDocuments(ids: string[]) {
    const open = await Promise.all(ids.map((id) => server.documents.peek(id)))
    return open.filter(Boolean).length
  },
  bytesWritten: () => bytesWritten(),
})
