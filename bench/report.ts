import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Row } from './scenarios/scenario.js'
import type { ServerName } from './servers/benchServer.js'

type Figure = number | boolean | null

/** One scenario on one server: medians of its runs at the top level, as issue 8 names them, and min–max beside. */
export interface ResultEntry {
  scenario: string
  server: ServerName
  runs: number
  /** min–max of the runs; null stands for an infinite latency (a lost delivery). */
  range: Record<string, [number | null, number | null]>
  [figure: string]: Figure | string | number | Record<string, [number | null, number | null]>
}

export interface Target {
  scenario: string
  figure: string
  /** Plenary's figure over the best peer's (or the figure itself where no peer has one). */
  ratio: number | null
  limit: string
  met: boolean | null
}

export interface Results {
  machine: Record<string, unknown>
  scenarios: ResultEntry[]
  targets: Target[]
}

/** Lower is better for every figure but these. */
const HIGHER_IS_BETTER = new Set(['deliveriesPerSec', 'insertsPerSec'])
/** Figures that describe the run rather than the server; no ratio is printed for them. */
const CONTEXT = new Set(['generatorCpuPct', 'generatorLagP99Ms', 'lost', 'bytesWritten', 'updateBytes', 'historyBytes', 'openDocuments', 'stillLoadedAfterClose', 'rssOpenMb'])

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Infinity (a lost delivery) cannot be JSON: it becomes null, and `lost` says why. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null
}

export function aggregate(rows: Row[]): ResultEntry[] {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.server}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Row
    const entry: ResultEntry = { scenario: first.scenario, server: first.server, runs: group.length, range: {} }
    for (const figure of Object.keys(first.figures)) {
      const values = group.map((row) => row.figures[figure])
      if (values.every((value) => typeof value === 'number')) {
        const numbers = values as number[]
        entry[figure] = finite(median(numbers))
        entry.range[figure] = [finite(Math.min(...numbers)), finite(Math.max(...numbers))]
      } else if (values.every((value) => typeof value === 'boolean')) {
        entry[figure] = values.every(Boolean)
      } else {
        const numbers = values.filter((value): value is number => typeof value === 'number')
        entry[figure] = numbers.length ? finite(median(numbers)) : null
      }
    }
    return entry
  })
}

function figureOf(entry: ResultEntry | undefined, figure: string): number | null {
  const value = entry?.[figure]
  return typeof value === 'number' ? value : null
}

function bestPeer(entries: ResultEntry[], figure: string, compareTo = figure): number | null {
  const values = entries.filter((entry) => entry.server !== 'plenary').map((entry) => figureOf(entry, compareTo)).filter((value): value is number => value !== null)
  if (values.length === 0) return null
  return HIGHER_IS_BETTER.has(figure) ? Math.max(...values) : Math.min(...values)
}

/** Issue 8's targets, as ratios of Plenary to the best peer in the same run. */
export function checkTargets(scenarios: ResultEntry[]): Target[] {
  const find = (prefix: string) => scenarios.filter((entry) => entry.scenario === prefix || entry.scenario.startsWith(`${prefix}-`))
  const ratio = (entries: ResultEntry[], figure: string, peerFigure = figure) => {
    const mine = figureOf(entries.find((entry) => entry.server === 'plenary'), figure)
    const best = bestPeer(entries, figure, peerFigure)
    // A peer figure of zero or less (an RSS reading that fell) gives no ratio rather than a flattering one.
    return mine === null || best === null || best <= 0 ? null : mine / best
  }
  const targets: Target[] = []
  const add = (scenario: string, figure: string, value: number | null, limit: string, met: (value: number) => boolean) =>
    targets.push({ scenario, figure, ratio: value === null ? null : Math.round(value * 1000) / 1000, limit, met: value === null ? null : met(value) })
  const fanout100 = scenarios.filter((entry) => entry.scenario === 'fanout-100')
  add('fanout-100', 'p99Ms', ratio(fanout100, 'p99Ms'), '≤ 0.7× best peer', (value) => value <= 0.7)
  add('fanout-100', 'cpuPct', ratio(fanout100, 'cpuPct'), '≤ 0.7× best peer', (value) => value <= 0.7)
  add('saturation', 'insertsPerSec', ratio(find('saturation'), 'insertsPerSec'), '≥ 1.5× best peer', (value) => value >= 1.5)
  const docs = find('docs')
  if (docs.length) {
    const scenario = (docs[0] as ResultEntry).scenario
    add(scenario, 'kbPerOpenDocument', ratio(docs, 'kbPerOpenDocument'), '≤ 0.7× best peer', (value) => value <= 0.7)
    const unloaded = docs.find((entry) => entry.server === 'plenary')?.closedUnloaded
    targets.push({ scenario, figure: 'closedUnloaded', ratio: null, limit: 'every closed statement unloaded', met: typeof unloaded === 'boolean' ? unloaded : null })
  }
  const cold = find('coldload')
  if (cold.length) {
    const scenario = (cold[0] as ResultEntry).scenario
    add(scenario, 'warmMs', ratio(cold, 'warmMs'), '≤ 1.0× best peer (warm)', (value) => value <= 1)
    add(scenario, 'coldMs', ratio(cold, 'coldMs', 'warmMs'), '≤ 1.5× best peer (warm)', (value) => value <= 1.5)
  }
  const persistence = scenarios.find((entry) => entry.scenario === 'persistence' && entry.server === 'plenary')
  if (persistence) add('persistence', 'bytesWrittenPerUpdateByte', figureOf(persistence, 'bytesWrittenPerUpdateByte'), '≤ 5 bytes written per byte received', (value) => value <= 5)
  return targets
}

function format(value: Figure | undefined): string {
  if (value === null || value === undefined) return '–'
  if (value === Number.POSITIVE_INFINITY) return '∞'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2)
}

/** The markdown table: every figure on every server, and Plenary over the best peer. */
export function markdownTable(results: Results): string {
  const servers: ServerName[] = ['plenary', 'y-websocket-server', 'hocuspocus']
  const lines = ['| Scenario | Figure | Plenary | y-websocket-server | Hocuspocus | Plenary / best peer |', '|---|---|---|---|---|---|']
  const names = [...new Set(results.scenarios.map((entry) => entry.scenario))]
  for (const name of names) {
    const entries = results.scenarios.filter((entry) => entry.scenario === name)
    const figures = Object.keys(entries[0] ?? {}).filter((key) => !['scenario', 'server', 'runs', 'range'].includes(key))
    for (const figure of figures) {
      const cells = servers.map((server) => {
        const entry = entries.find((candidate) => candidate.server === server)
        if (!entry) return ''
        const range = entry.range[figure]
        const value = entry[figure] as Figure
        return range && entry.runs > 1 ? `${format(value)} (${format(range[0] ?? Number.POSITIVE_INFINITY)}–${format(range[1] ?? Number.POSITIVE_INFINITY)})` : format(value)
      })
      const mine = figureOf(entries.find((entry) => entry.server === 'plenary'), figure)
      const best = CONTEXT.has(figure) ? null : bestPeer(entries, figure)
      const ratio = mine !== null && best !== null && best > 0 ? `${(mine / best).toFixed(2)}×` : ''
      lines.push(`| ${name} | ${figure} | ${cells.join(' | ')} | ${ratio} |`)
    }
  }
  lines.push('', '| Target | Figure | Now | Limit | Met |', '|---|---|---|---|---|')
  for (const target of results.targets) {
    lines.push(`| ${target.scenario} | ${target.figure} | ${target.ratio === null ? '–' : target.ratio} | ${target.limit} | ${target.met === null ? '–' : target.met ? 'yes' : '**no**'} |`)
  }
  return lines.join('\n')
}

export function describeMachine(extra: Record<string, unknown>): Record<string, unknown> {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    ...extra,
  }
}

export async function writeResults(results: Results, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
}
