import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ADMIN } from './testServer.js'
import { waitFor } from './waitFor.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A port that was free a moment ago, so a restarted server can come back on the same address. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

/** `npm start`'s server as a real child process, for crash and signal tests. */
export async function spawnServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CLIENT_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let exitCode: number | null | undefined
  void exited.then((code) => (exitCode = code ?? -1))
  // A server that exits fails the wait at once, with its output, instead of at the deadline.
  await waitFor(() => exitCode !== undefined || output.includes('Plenary is listening'), { timeoutMs: 60_000, what: 'server process to listen' })
  if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${output}`)
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited }
}

/** Starts a server that is expected to refuse to start; resolves with its exit code and output. */
export async function spawnFailingServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, CLIENT_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  return { code, output }
}
