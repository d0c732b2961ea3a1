import { automaticVersionDue } from '../../shared/domain/version.js'
import type { DocumentRoom } from '../collab/documentRoom.js'
import type { ServiceContext } from './context.js'
import { statementMutex } from './keyedMutex.js'
import { recordVersion } from './versions.js'

const TICK_MS = 30_000

/**
 * Records a version when a statement has changed and editing pauses (5 minutes
 * without updates), at least every 30 minutes of continuous editing, and when
 * the last person leaves. Never without a real change: the canonical text is
 * compared with the latest version's. The clock is the service context's, and
 * `tick()` is public, so tests drive it without waiting.
 */
export class AutomaticVersions {
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly ctx: ServiceContext) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Checks every open statement once; resolves with the number of versions recorded. */
  async tick(): Promise<number> {
    const now = this.ctx.now().getTime()
    let recorded = 0
    for (const room of this.ctx.documents.openRooms()) {
      const { firstChangeAt, lastChangeAt } = room.changes.summary()
      if (!automaticVersionDue(now, firstChangeAt, lastChangeAt)) continue
      if (await this.record(room)) recorded += 1
    }
    return recorded
  }

  /** For the registry's beforeUnload hook: everyone left, so editing has paused. */
  readonly onLastLeave = async (room: DocumentRoom): Promise<void> => {
    await this.record(room)
  }

  private async record(room: DocumentRoom): Promise<boolean> {
    try {
      const version = await statementMutex.run(room.statementId, () =>
        recordVersion(this.ctx, room, { kind: 'automatic', label: null, createdBy: null, onlyIfChanged: true }),
      )
      return version !== null
    } catch (error) {
      this.ctx.logger.error(`Recording an automatic version of statement ${room.statementId} failed`, error)
      return false
    }
  }
}
