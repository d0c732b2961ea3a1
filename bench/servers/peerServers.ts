import { randomBytes } from 'node:crypto'
import type { BenchServer, Dialect, Endpoint, ServerName } from './benchServer.js'
import { forkServer } from './childServer.js'

/** A peer server in its own process: no authentication and no persistence, as the issue prescribes. */
async function startPeer(name: ServerName, script: string, dialect: Dialect, execArgv: string[]): Promise<BenchServer> {
  const child = await forkServer(script, { NODE_ENV: 'production' }, execArgv)
  const prefix = `bench-${randomBytes(4).toString('hex')}`
  let created = 0
  return {
    name,
    persists: false,
    pid: () => child.pid,
    async createDocuments(count) {
      return Array.from({ length: count }, () => `${prefix}-${created++}`)
    },
    endpoint: (room): Endpoint => ({ dialect, serverUrl: `ws://127.0.0.1:${child.port}`, room, headers: {} }),
    collectGarbage: () => child.request<void>('gc'),
    heapUsed: () => child.request<number>('heapUsed'),
    openDocuments: (rooms) => child.request<number>('openDocuments', rooms),
    bytesWritten: async () => null,
    restart: async () => false,
    stop: () => child.stop(),
  }
}

export function startYWebsocketServer(execArgv: string[] = []): Promise<BenchServer> {
  return startPeer('y-websocket-server', 'bench/servers/yWebsocketServerChild.ts', 'y-websocket', execArgv)
}

export function startHocuspocus(execArgv: string[] = []): Promise<BenchServer> {
  return startPeer('hocuspocus', 'bench/servers/hocuspocusChild.ts', 'hocuspocus', execArgv)
}
