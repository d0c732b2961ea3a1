/**
 * The y-websocket reference backend as its authors ship it (src/server.js of
 * @y/websocket-server): an http server, `ws` without a server of its own, and
 * setupWSConnection for every upgrade. No persistence (YPERSISTENCE unset), no
 * authentication. The IPC channel reports which documents it holds.
 */
import http from 'node:http'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { serveBench } from './childServer.js'

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(0, '127.0.0.1', () => {
  process.once('SIGTERM', () => process.exit(0))
  serveBench((server.address() as { port: number }).port, {
    openDocuments: (names: string[]) => names.filter((name) => docs.has(name)).length,
  })
})
