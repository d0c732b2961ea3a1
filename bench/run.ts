/**
 * `npm run bench`: Plenary against @y/websocket-server and @hocuspocus/server
 * under the same load, each server in its own process, runs interleaved so that
 * drift of a shared machine hits all alike. Writes bench/results/latest.json and
 * prints the markdown table (Plenary over the best peer) last.
 *
 *   npm run bench                           every scenario, 3 runs
 *   npm run bench -- --quick                a reduced version, 1 run, under 3 minutes
 *   npm run bench -- --scenario=fanout,docs --servers=plenary,hocuspocus --runs=5
 *   npm run bench -- --cpu-prof             also profile Plenary (node --cpu-prof) into bench/results/profiles/
 *   npm run bench -- --out=path.json        write the results elsewhere
 *   npm run bench -- --table                print the table of bench/results/latest.json (or --out) without running
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { aggregate, checkTargets, describeMachine, markdownTable, writeResults, type Results } from './report.js'
import { coldload } from './scenarios/coldload.js'
import { docs } from './scenarios/docs.js'
import { fanout } from './scenarios/fanout.js'
import { saturation } from './scenarios/saturation.js'
import type { Row, Scenario } from './scenarios/scenario.js'
import { SERVER_NAMES, type BenchServer, type ServerName } from './servers/benchServer.js'
import { repoRoot } from './servers/childServer.js'
import { startHocuspocus, startYWebsocketServer } from './servers/peerServers.js'
import { PLENARY_BENCH_ENV, startPlenary } from './servers/plenaryServer.js'

// docs first: its RSS reading is cleanest on a process that has not yet grown and shrunk under fanout.
const SCENARIOS: Scenario[] = [docs, fanout, saturation, coldload]
// Every y-websocket provider adds a process 'exit' listener; a hundred real clients are expected here.
process.setMaxListeners(1000)

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    servers: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    table: { type: 'boolean', default: false },
    clients: { type: 'string' },
  },
})

function list<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!raw) return [...allowed]
  const names = raw.split(',').map((name) => name.trim())
  for (const name of names) if (!allowed.includes(name as T)) throw new Error(`unknown ${what} "${name}"; choose from ${allowed.join(', ')}`)
  return names as T[]
}

const quick = flags.quick ?? false
// `persistence` is measured during fanout-100, so asking for it runs fanout.
const scenarioNames = list(flags.scenario?.replace('persistence', 'fanout'), SCENARIOS.map((scenario) => scenario.name), 'scenario')
const scenarios = SCENARIOS.filter((scenario) => scenarioNames.includes(scenario.name))
const servers = list<ServerName>(flags.servers, SERVER_NAMES, 'server')
const fanoutSizes = flags.clients?.split(',').map(Number)
if (fanoutSizes?.some((size) => !Number.isInteger(size) || size < 2)) throw new Error('--clients takes whole numbers of at least 2, e.g. --clients=100')
const runs = flags.runs ? Number(flags.runs) : quick ? 1 : 3
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1')
const out = path.resolve(repoRoot, flags.out ?? (quick && !flags.table ? 'bench/results/quick.json' : 'bench/results/latest.json'))
if (flags.table) {
  const saved = JSON.parse(await readFile(out, 'utf8')) as Results
  // Targets are derived from the figures: recomputed, so a corrected check applies to saved results too.
  console.log(markdownTable({ ...saved, targets: checkTargets(saved.scenarios) }))
  process.exit(0)
}
const profileDir = path.join(repoRoot, 'bench/results/profiles')

function start(name: ServerName): Promise<BenchServer> {
  if (name === 'plenary') return startPlenary({ execArgv: flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] })
  return name === 'hocuspocus' ? startHocuspocus() : startYWebsocketServer()
}

const log = (line: string) => console.error(`[${((performance.now() - began) / 1000).toFixed(0)} s] ${line}`)
const began = performance.now()
const machine = describeMachine({ quick, runs, plenaryEnv: PLENARY_BENCH_ENV })
const rows: Row[] = []
for (const scenario of scenarios) await scenario.prepare?.({ quick, log })
log(`${quick ? 'quick' : 'full'} bench: ${scenarios.map((scenario) => scenario.name).join(', ')} × ${servers.join(', ')} × ${runs} run(s)`)
for (let run = 0; run < runs; run++) {
  // Each run starts with the next server, so none always runs first (or last, on a warmer machine).
  const order = servers.map((_, index) => servers[(index + run) % servers.length] as ServerName)
  for (const name of order) {
    log(`run ${run + 1}/${runs}: ${name}`)
    const server = await start(name)
    try {
      for (const scenario of scenarios) rows.push(...(await scenario.run(server, { quick, log, fanoutSizes })))
    } finally {
      await server.stop()
    }
  }
}

const scenarioEntries = aggregate(rows)
const results: Results = { machine: { ...machine, durationSec: Math.round((performance.now() - began) / 1000) }, scenarios: scenarioEntries, targets: checkTargets(scenarioEntries) }
await writeResults(results, out)
log(`results written to ${path.relative(repoRoot, out)}`)
console.log(markdownTable(results))
// Providers of peers that are gone keep reconnect timers; the results are written, so end here.
process.exit(0)
