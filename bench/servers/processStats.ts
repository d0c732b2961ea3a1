import { readFileSync, writeFileSync } from 'node:fs'

/** Linux reports utime and stime in clock ticks; 100 per second on every platform Node supports here. */
const CLOCK_TICKS_PER_SECOND = 100

/** CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`)
  return Number(match[1])
}

export function readRssMb(pid: number): number {
  return statusKb(pid, 'VmRSS') / 1024
}

/**
 * Resets the kernel's peak RSS (VmHWM) so that a window's peak is its own and not
 * the start-up's. Writing 5 to clear_refs needs the process to be ours (it is: a child).
 * Returns false where the kernel refuses; the sampled VmRSS peak still stands then.
 */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

export interface ProcessWindow {
  wallMs: number
  cpuMs: number
  /** CPU time over wall time, in % of one core. */
  cpuPct: number
  /** Highest resident memory seen in the window: VmHWM after a reset, or the sampled VmRSS. */
  peakRssMb: number
}

/** Measures one server process over a window: CPU from /proc/<pid>/stat, peak RSS from VmHWM and sampled VmRSS. */
export class ProcessWindowMeter {
  private startedAt = 0
  private cpuAtStart = 0
  private sampledPeakMb = 0
  private hwmReset = false
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly pid: number, private readonly sampleEveryMs = 100) {}

  start(): void {
    this.hwmReset = resetPeakRss(this.pid)
    this.startedAt = performance.now()
    this.cpuAtStart = readCpuMs(this.pid)
    this.sampledPeakMb = readRssMb(this.pid)
    clearInterval(this.timer)
    this.timer = setInterval(() => {
      try {
        this.sampledPeakMb = Math.max(this.sampledPeakMb, readRssMb(this.pid))
      } catch {
        // The process went away; stop() reports what was seen.
      }
    }, this.sampleEveryMs)
    this.timer.unref()
  }

  stop(): ProcessWindow {
    clearInterval(this.timer)
    const wallMs = performance.now() - this.startedAt
    const cpuMs = readCpuMs(this.pid) - this.cpuAtStart
    const hwmMb = this.hwmReset ? statusKb(this.pid, 'VmHWM') / 1024 : 0
    const peakRssMb = Math.max(this.sampledPeakMb, readRssMb(this.pid), hwmMb)
    return { wallMs, cpuMs, cpuPct: (cpuMs / wallMs) * 100, peakRssMb }
  }
}
