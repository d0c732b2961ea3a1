/**
 * @hocuspocus/server with its defaults and no extensions (so no persistence and
 * no authentication hook). The IPC channel reports which documents it holds.
 */
import { Server } from '@hocuspocus/server'
import { serveBench } from './childServer.js'

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
const hocuspocus = await server.listen()
process.once('SIGTERM', () => {
  server.destroy().then(() => process.exit(0), () => process.exit(1))
})
serveBench(server.address.port, {
  openDocuments: (names: string[]) => names.filter((name) => hocuspocus.documents.has(name)).length,
})
