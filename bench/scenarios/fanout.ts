import { LoadSession } from '../load/loadSession.js'
import type { Row, Scenario } from './scenario.js'

const RATE_PER_CLIENT = 5

/**
 * fanout-N: N clients on one statement, each typing 5 inserts a second. Latency
 * is per delivery (every client receives every other client's inserts). For a
 * server that persists, fanout-100 also yields the `persistence` row: bytes
 * written to the data directory per byte of update received.
 */
export const fanout: Scenario = {
  name: 'fanout',
  async run(server, { quick, log, fanoutSizes }) {
    const sizes = fanoutSizes ?? (quick ? [10, 100] : [10, 50, 100, 200])
    const rows: Row[] = []
    for (const clients of sizes) {
      const [room] = await server.createDocuments(1)
      const session = await LoadSession.open(server, room as string, clients)
      try {
        const step = await session.measure({ ratePerClient: RATE_PER_CLIENT, warmupMs: quick ? 1000 : 2000, measureMs: quick ? 4000 : 10_000, drainMs: 60_000 })
        await session.verifyConvergence()
        log(`fanout-${clients} ${server.name}: p50 ${step.p50Ms.toFixed(1)} ms, p99 ${step.p99Ms.toFixed(1)} ms, ${Math.round(step.deliveriesPerSec)} deliveries/s, CPU ${step.cpuPct.toFixed(0)} % (main ${step.mainUserPct.toFixed(0)} user + ${step.mainSysPct.toFixed(0)} sys, other threads ${step.otherThreadsPct.toFixed(0)})`)
        rows.push({
          scenario: `fanout-${clients}`,
          server: server.name,
          figures: {
            p50Ms: step.p50Ms,
            p95Ms: step.p95Ms,
            p99Ms: step.p99Ms,
            maxMs: step.maxMs,
            deliveriesPerSec: step.deliveriesPerSec,
            cpuPct: step.cpuPct,
            mainUserPct: step.mainUserPct,
            mainSysPct: step.mainSysPct,
            otherThreadsPct: step.otherThreadsPct,
            rssMb: step.rssMb,
            lost: step.lost,
            generatorCpuPct: step.generatorCpuPct,
            generatorLagP99Ms: step.generatorLagP99Ms,
          },
        })
        if (clients === 100 && step.bytesWritten !== null) {
          rows.push({
            scenario: 'persistence',
            server: server.name,
            figures: { bytesWrittenPerUpdateByte: step.bytesWritten / step.updateBytes, bytesWritten: step.bytesWritten, updateBytes: step.updateBytes },
          })
        }
      } finally {
        session.close()
      }
    }
    return rows
  },
}
