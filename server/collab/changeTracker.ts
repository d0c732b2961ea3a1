import type { Actor } from '../../shared/domain/permissions.js'

/** Anything that changes a document may say who it acts for: a connection, or a REST operation such as a restore. */
export interface ChangeOrigin {
  actor?: Pick<Actor, 'id' | 'organizationId'>
}

export interface ChangeSummary {
  firstChangeAt: number | null
  lastChangeAt: number | null
  authorIds: string[]
  organizationIds: string[]
}

/**
 * Who changed a document, and when, since its latest version: what an automatic
 * version needs to know it is due and to credit the people who wrote it.
 */
export class ChangeTracker {
  private firstChangeAt: number | null = null
  private lastChangeAt: number | null = null
  private readonly authorIds = new Set<string>()
  private readonly organizationIds = new Set<string>()

  record(at: number, origin: unknown): void {
    this.firstChangeAt ??= at
    this.lastChangeAt = at
    const actor = (origin as ChangeOrigin | null)?.actor
    if (actor) {
      this.authorIds.add(actor.id)
      this.organizationIds.add(actor.organizationId)
    }
  }

  hasChanges(): boolean {
    return this.lastChangeAt !== null
  }

  summary(): ChangeSummary {
    return {
      firstChangeAt: this.firstChangeAt,
      lastChangeAt: this.lastChangeAt,
      authorIds: [...this.authorIds],
      organizationIds: [...this.organizationIds],
    }
  }

  /** Returns what was tracked and starts afresh: changes after this call belong to the next version. */
  take(): ChangeSummary {
    const summary = this.summary()
    this.firstChangeAt = this.lastChangeAt = null
    this.authorIds.clear()
    this.organizationIds.clear()
    return summary
  }
}
