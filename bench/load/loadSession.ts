import type { BenchServer } from '../servers/benchServer.js'
import { ProcessWindowMeter } from '../servers/processStats.js'
import { DeliveryLedger } from './deliveryLedger.js'
import { GeneratorMonitor, type GeneratorWindow } from './generatorMonitor.js'
import { LightClient } from './lightClient.js'
import type { LoadClient } from './loadClient.js'
import { markersInText } from './marker.js'
import { RealClient } from './realClient.js'
import { buildSeed } from './seedDocument.js'
import { waitUntil } from './waitUntil.js'

/** Real Yjs receivers per document; the rest are light clients. */
const REAL_CLIENTS = 3
/** Light clients connect this many at a time, as people join a meeting rather than all in one millisecond. */
const CONNECT_BATCH = 25

export interface StepOptions {
  /** Inserts per second of each client. */
  ratePerClient: number
  warmupMs: number
  measureMs: number
  /** How long to wait, after typing stops, for every delivery of the window. */
  drainMs: number
}

export interface StepResult extends GeneratorWindow {
  clients: number
  insertsPerSec: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  deliveries: number
  deliveriesPerSec: number
  /** Deliveries of markers sent in the window that never arrived (counted as infinite latency in the percentiles). */
  lost: number
  cpuPct: number
  /** Of cpuPct: the server's event-loop thread in user space and in the kernel, and its other threads. */
  mainUserPct: number
  mainSysPct: number
  otherThreadsPct: number
  rssMb: number
  /** Bytes of Yjs updates the clients sent in the step (warm-up and window). */
  updateBytes: number
  /** Bytes the server wrote to its data directory in the step, its saves included, where it persists. */
  bytesWritten: number | null
  /** Connections the server closed so far (e.g. 4429 when a limit tripped); any fails the convergence check. */
  serverCloses: number
}

/**
 * N clients on one document of one server: a few real Yjs clients and light
 * clients for the rest, each typing into its own paragraph at a given rate.
 */
export class LoadSession {
  private typingTimers: NodeJS.Timeout[] = []
  private readonly meter: ProcessWindowMeter
  private readonly generator = new GeneratorMonitor()

  private constructor(
    private readonly server: BenchServer,
    private readonly room: string,
    private readonly ledger: DeliveryLedger,
    private readonly real: RealClient[],
    private readonly clients: LoadClient[],
  ) {
    this.meter = new ProcessWindowMeter(server.pid())
  }

  static async open(server: BenchServer, room: string, clientCount: number): Promise<LoadSession> {
    const seed = buildSeed(clientCount)
    const ledger = new DeliveryLedger()
    const real: RealClient[] = []
    const clients: LoadClient[] = []
    try {
      for (let i = 0; i < Math.min(REAL_CLIENTS, clientCount); i++) {
        const client = new RealClient(server.endpoint(room, i), ledger, ledger.addClient(), seed, i)
        real.push(client)
        clients.push(client)
        await client.connect()
      }
      // The real clients' sync brought the seed; light clients build on it, so the server must hold it first.
      await waitUntil(async () => (await probeText(server, room, (doc) => doc.getXmlFragment('default').length)) === clientCount, {
        what: `the ${server.name} to hold the seeded document`,
      })
      for (let i = real.length; i < clientCount; i++) clients.push(new LightClient(server.endpoint(room, i), ledger, ledger.addClient(), seed, i))
      for (let i = real.length; i < clientCount; i += CONNECT_BATCH) {
        await Promise.all(clients.slice(i, i + CONNECT_BATCH).map((client) => client.connect()))
      }
    } catch (error) {
      for (const client of clients) client.close()
      throw error
    }
    return new LoadSession(server, room, ledger, real, clients)
  }

  private startTyping(ratePerClient: number): void {
    const periodMs = 1000 / ratePerClient
    for (const client of this.clients) {
      // A random phase, then a fixed period without drift: clients do not type in lockstep.
      let due = performance.now() + Math.random() * periodMs
      const tick = () => {
        client.type()
        due += periodMs
        this.typingTimers[client.index] = setTimeout(tick, Math.max(0, due - performance.now()))
      }
      this.typingTimers[client.index] = setTimeout(tick, due - performance.now())
    }
  }

  private stopTyping(): void {
    for (const timer of this.typingTimers) clearTimeout(timer)
    this.typingTimers = []
  }

  private updateBytesSent(): number {
    return this.clients.reduce((sum, client) => sum + client.updateBytesSent, 0)
  }

  async measure(options: StepOptions): Promise<StepResult> {
    // BENCH_VERBOSE=1 shows the ledger every second, to see where a run stalls.
    const progress = process.env.BENCH_VERBOSE
      ? setInterval(() => console.error(`  [${this.server.name}] sent ${this.ledger.sentTotal}, delivered ${this.ledger.deliveredTotal} of ${this.ledger.expectedTotal}`), 1000)
      : undefined
    try {
      return await this.measureStep(options)
    } finally {
      clearInterval(progress)
    }
  }

  private async measureStep(options: StepOptions): Promise<StepResult> {
    // Read while the server is idle: an overloaded server answers IPC late, which would shift the window.
    const bytesWrittenBefore = await this.server.bytesWritten()
    const updateBytesBefore = this.updateBytesSent()
    this.startTyping(options.ratePerClient)
    await sleep(options.warmupMs)
    this.ledger.openWindow()
    this.meter.start()
    this.generator.start()
    await sleep(options.measureMs)
    this.ledger.closeWindow()
    const serverWindow = this.meter.stop()
    const generatorWindow = this.generator.stop()
    this.stopTyping()
    const updateBytes = this.updateBytesSent() - updateBytesBefore
    const drained = Date.now() + options.drainMs
    while (this.ledger.deliveredTotal < this.ledger.expectedTotal && Date.now() < drained) await sleep(50)
    const bytesWritten = bytesWrittenBefore === null ? null : (await this.settledBytesWritten()) - bytesWrittenBefore

    const lost = this.ledger.lostInWindow
    for (let i = 0; i < lost; i++) this.ledger.samples.add(Number.POSITIVE_INFINITY)
    const seconds = serverWindow.wallMs / 1000
    return {
      clients: this.clients.length,
      insertsPerSec: options.ratePerClient * this.clients.length,
      ...this.ledger.samples.summary(),
      deliveries: this.ledger.deliveredInWindow,
      deliveriesPerSec: this.ledger.receivedDuringWindow / seconds,
      lost,
      cpuPct: serverWindow.cpuPct,
      mainUserPct: serverWindow.mainUserPct,
      mainSysPct: serverWindow.mainSysPct,
      otherThreadsPct: serverWindow.otherThreadsPct,
      rssMb: serverWindow.peakRssMb,
      updateBytes,
      bytesWritten,
      serverCloses: [...this.ledger.closes.values()].reduce((sum, count) => sum + count, 0),
      ...generatorWindow,
    }
  }

  /** Bytes written once the server's debounced saves are done: the count stops changing. */
  private async settledBytesWritten(): Promise<number> {
    let last = (await this.server.bytesWritten()) ?? 0
    for (let quiet = 0, rounds = 0; quiet < 3 && rounds < 40; rounds++) {
      await sleep(500)
      const now = (await this.server.bytesWritten()) ?? 0
      quiet = now === last ? quiet + 1 : 0
      last = now
    }
    return last
  }

  /**
   * Fails the run loudly unless every client got every other client's markers,
   * the real clients' documents are identical, and a fresh client syncing from
   * the server gets that same document with every marker typed.
   */
  async verifyConvergence(): Promise<void> {
    const ledger = this.ledger
    if (ledger.closes.size > 0) {
      const closes = [...ledger.closes].map(([code, count]) => `${count}× ${code}`).join(', ')
      throw new Error(`${this.server.name} closed light clients during the run: ${closes}`)
    }
    await waitUntil(() => ledger.deliveredTotal >= ledger.expectedTotal, {
      timeoutMs: 120_000,
      what: () => `every delivery on ${this.server.name} (${ledger.deliveredTotal} of ${ledger.expectedTotal})`,
    })
    await waitUntil(() => this.real.every((client) => client.text() === this.real[0]?.text()), {
      timeoutMs: 60_000,
      what: `the real clients on ${this.server.name} to converge`,
    })
    const expected = this.real[0]?.text() ?? ''
    const serverText = await probeText(this.server, this.room, (doc) => doc.getXmlFragment('default').toString())
    if (serverText !== expected) throw new Error(`${this.server.name}: a fresh client's document differs from the real clients' (${serverText.length} vs ${expected.length} characters)`)
    const markers = markersInText(serverText)
    if (markers !== ledger.sentTotal) throw new Error(`${this.server.name}: the document holds ${markers} markers, ${ledger.sentTotal} were typed`)
  }

  /** Each client types `count` markers at once (the docs scenario: a little content in each of many statements). */
  typeEach(count: number): void {
    for (let i = 0; i < count; i++) for (const client of this.clients) client.type()
  }

  /** Whether every client has every other client's markers. */
  get delivered(): boolean {
    return this.ledger.deliveredTotal >= this.ledger.expectedTotal
  }

  close(): void {
    this.stopTyping()
    for (const client of this.clients) client.close()
  }
}

/** Connects a fresh real client, reads its synced document, and disconnects. */
export async function probeText<T>(server: BenchServer, room: string, read: (doc: RealClient['doc']) => T): Promise<T> {
  const probe = new RealClient(server.endpoint(room, 0), null, -1, null, 0)
  try {
    await probe.connect()
    return read(probe.doc)
  } finally {
    probe.close()
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
