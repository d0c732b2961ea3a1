import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** What a server child and the bench say to each other over the IPC channel. */
export type ChildMessage =
  | { kind: 'ready'; port: number }
  | { kind: 'reply'; id: number; result?: unknown; error?: string }
export interface ChildRequest {
  kind: 'request'
  id: number
  op: string
  args: unknown[]
}

export interface ChildServer {
  child: ChildProcess
  pid: number
  port: number
  request<T>(op: string, ...args: unknown[]): Promise<T>
  output(): string
  /** SIGTERM, then SIGKILL if the server has not exited in time. */
  stop(): Promise<void>
}

/**
 * Starts a server as its own process (so its CPU and memory are measured apart
 * from the load generator's) and waits for it to announce its port.
 */
export async function forkServer(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<ChildServer> {
  const child = fork(path.join(repoRoot, script), [], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    // --expose-gc: the bench asks for a collection before reading memory, so that RSS is not whatever the last GC left.
    execArgv: ['--import', 'tsx', '--expose-gc', ...execArgv],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 60 s:\n${output}`)), 60_000)
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'ready') {
        clearTimeout(timer)
        resolve(message.port)
      } else if (message.kind === 'reply') {
        const waiter = pending.get(message.id)
        pending.delete(message.id)
        if (message.error !== undefined) waiter?.reject(new Error(message.error))
        else waiter?.resolve(message.result)
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code}:\n${output}`))
      for (const waiter of pending.values()) waiter.reject(new Error(`${script} exited with ${code}`))
    })
  })
  return {
    child,
    pid: child.pid as number,
    port,
    output: () => output,
    request<T>(op: string, ...args: unknown[]) {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        child.send({ kind: 'request', id, op, args } satisfies ChildRequest)
      })
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}

/** Child side: answers the bench's requests with `handlers` and announces the port. */
export function serveBench(port: number, handlers: Record<string, (...args: never[]) => unknown>): void {
  process.on('message', (message: ChildRequest) => {
    if (message.kind !== 'request') return
    const handler = message.op === 'gc' ? collectGarbage : message.op === 'heapUsed' ? () => process.memoryUsage().heapUsed : handlers[message.op]
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${message.op}`)
        return handler(...(message.args as never[]))
      })
      .then(
        (result) => process.send?.({ kind: 'reply', id: message.id, result } satisfies ChildMessage),
        (error: unknown) => process.send?.({ kind: 'reply', id: message.id, error: String((error as Error)?.stack ?? error) } satisfies ChildMessage),
      )
  })
  // The bench going away (even by kill -9) must not leave a server behind.
  process.on('disconnect', () => process.exit(0))
  process.send?.({ kind: 'ready', port } satisfies ChildMessage)
}
