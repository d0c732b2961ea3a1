import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'

export interface GeneratorWindow {
  /** The load generator's own CPU over the window, in % of one core. */
  generatorCpuPct: number
  /** Its event loop's delay: if this is high, latencies include the generator's queueing, not the server's. */
  generatorLagP99Ms: number
  generatorLagMaxMs: number
}

/** The generator measures itself, to show that the server and not the generator is the bottleneck. */
export class GeneratorMonitor {
  private histogram: IntervalHistogram | undefined
  private cpuAtStart = process.cpuUsage()
  private startedAt = 0

  start(): void {
    this.histogram?.disable()
    this.histogram = monitorEventLoopDelay({ resolution: 10 })
    this.histogram.enable()
    this.cpuAtStart = process.cpuUsage()
    this.startedAt = performance.now()
  }

  stop(): GeneratorWindow {
    const histogram = this.histogram
    if (!histogram) throw new Error('GeneratorMonitor.stop() before start()')
    histogram.disable()
    const cpu = process.cpuUsage(this.cpuAtStart)
    const wallMs = performance.now() - this.startedAt
    return {
      generatorCpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      generatorLagP99Ms: histogram.percentile(99) / 1e6,
      generatorLagMaxMs: histogram.max / 1e6,
    }
  }
}
