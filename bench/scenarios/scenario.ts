import type { BenchServer, ServerName } from '../servers/benchServer.js'

/** One measured row: a scenario variant on one server in one run. Figures are numbers, booleans or null (not applicable). */
export interface Row {
  scenario: string
  server: ServerName
  figures: Record<string, number | boolean | null>
}

export interface ScenarioOptions {
  quick: boolean
  /** fanout's room sizes instead of its defaults (--clients=100 for a quick look at one size). */
  fanoutSizes?: number[]
  log: (line: string) => void
}

export interface Scenario {
  name: string
  /**
   * Work done once before any server starts (building a seed history takes seconds
   * of CPU: done during a run it would also block the generator's HTTP client, whose
   * idle keep-alive connections the server then closes under it).
   */
  prepare?(options: ScenarioOptions): Promise<void>
  /** Runs the scenario once against a freshly started server. */
  run(server: BenchServer, options: ScenarioOptions): Promise<Row[]>
}
