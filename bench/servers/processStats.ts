import { readdirSync, readFileSync, writeFileSync } from 'node:fs'

/** Linux reports utime and stime in clock ticks; 100 per second on every platform Node supports here. */
const CLOCK_TICKS_PER_SECOND = 100

interface CpuTimes {
  userMs: number
  sysMs: number
}

/** User and system CPU time from a /proc stat file (a process's or one thread's), in ms. */
function readStatTimes(file: string): CpuTimes {
  const stat = readFileSync(file, 'utf8')
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    userMs: (Number(fields[11]) * 1000) / CLOCK_TICKS_PER_SECOND,
    sysMs: (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND,
  }
}

/** CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number {
  const { userMs, sysMs } = readStatTimes(`/proc/${pid}/stat`)
  return userMs + sysMs
}

/**
 * The main thread's user and system time, and all other threads' (V8's GC helpers,
 * libuv's pool for file I/O) together. Threads that ended during a window take
 * their time with them, so "others" can only be read as a lower bound.
 */
function readThreadTimes(pid: number): { main: CpuTimes; others: number } {
  let others = 0
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    if (tid === String(pid)) continue
    try {
      const { userMs, sysMs } = readStatTimes(`/proc/${pid}/task/${tid}/stat`)
      others += userMs + sysMs
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return { main: readStatTimes(`/proc/${pid}/task/${pid}/stat`), others }
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
  /** Of cpuPct: the main (event-loop) thread in user space, the main thread in the kernel, every other thread. */
  mainUserPct: number
  mainSysPct: number
  otherThreadsPct: number
  /** Highest resident memory seen in the window: VmHWM after a reset, or the sampled VmRSS. */
  peakRssMb: number
}

/** Measures one server process over a window: CPU from /proc/<pid>/stat, peak RSS from VmHWM and sampled VmRSS. */
export class ProcessWindowMeter {
  private startedAt = 0
  private cpuAtStart = 0
  private threadsAtStart = { main: { userMs: 0, sysMs: 0 }, others: 0 }
  private sampledPeakMb = 0
  private hwmReset = false
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly pid: number, private readonly sampleEveryMs = 100) {}

  start(): void {
    this.hwmReset = resetPeakRss(this.pid)
    this.startedAt = performance.now()
    this.cpuAtStart = readCpuMs(this.pid)
    this.threadsAtStart = readThreadTimes(this.pid)
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
    const threads = readThreadTimes(this.pid)
    const pct = (ms: number) => (ms / wallMs) * 100
    const hwmMb = this.hwmReset ? statusKb(this.pid, 'VmHWM') / 1024 : 0
    const peakRssMb = Math.max(this.sampledPeakMb, readRssMb(this.pid), hwmMb)
    return {
      wallMs,
      cpuMs,
      cpuPct: pct(cpuMs),
      mainUserPct: pct(threads.main.userMs - this.threadsAtStart.main.userMs),
      mainSysPct: pct(threads.main.sysMs - this.threadsAtStart.main.sysMs),
      otherThreadsPct: pct(threads.others - this.threadsAtStart.others),
      peakRssMb,
    }
  }
}
