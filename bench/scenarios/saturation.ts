import { LoadSession } from '../load/loadSession.js'
import type { Scenario } from './scenario.js'

const CLIENTS = 100
const P99_LIMIT_MS = 100

/**
 * saturation: 100 clients on one statement, the insert rate rising step by
 * step; the figure is the highest total rate (inserts per second) at which p99
 * stayed under 100 ms with nothing lost. Steps stop at the first failure.
 */
export const saturation: Scenario = {
  name: 'saturation',
  async run(server, { quick, log }) {
    const ratesPerClient = quick ? [1, 2, 5, 7.5, 10] : [1, 2, 3.5, 5, 7.5, 10, 15, 20, 30]
    const [room] = await server.createDocuments(1)
    const session = await LoadSession.open(server, room as string, CLIENTS)
    let best = { insertsPerSec: 0, deliveriesPerSec: 0, p99Ms: null as number | null, cpuPct: null as number | null, generatorCpuPct: null as number | null }
    try {
      for (const rate of ratesPerClient) {
        const step = await session.measure({ ratePerClient: rate, warmupMs: 1000, measureMs: quick ? 3000 : 4000, drainMs: 15_000 })
        const passed = step.p99Ms < P99_LIMIT_MS && step.lost === 0
        log(`saturation ${server.name}: ${step.insertsPerSec} inserts/s → p99 ${step.p99Ms.toFixed(1)} ms${passed ? '' : ' (over)'}`)
        if (!passed) break
        best = { insertsPerSec: step.insertsPerSec, deliveriesPerSec: step.deliveriesPerSec, p99Ms: step.p99Ms, cpuPct: step.cpuPct, generatorCpuPct: step.generatorCpuPct }
      }
      await session.verifyConvergence()
    } finally {
      session.close()
    }
    return [{ scenario: 'saturation', server: server.name, figures: best }]
  },
}
