import type { Logger } from './logger.js'

export interface BackupScheduleOptions {
  intervalMs: number
  /** Takes one backup; resolves with where it went. */
  take: () => Promise<{ path: string }>
  logger: Logger
}

/**
 * Takes a backup every `intervalMs` while the server runs, never two at once. A
 * failed backup is logged and the next one tried at the next tick: failures never
 * rotate good backups out (takeBackup rotates only after verifying a new one).
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | null = null

  constructor(private readonly options: BackupScheduleOptions) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer) return
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs)
    // A pending backup must not keep a stopping process alive.
    this.timer.unref()
  }

  /** Takes one now, unless one is running already; never rejects. */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const backup = await this.options.take()
        this.options.logger.info(`Backup written to ${backup.path}`)
      } catch (error) {
        this.options.logger.error('Scheduled backup failed; the previous backups are kept', error)
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  /** Stops the timer and waits for a backup in progress, so storage can close under it safely. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }
}
