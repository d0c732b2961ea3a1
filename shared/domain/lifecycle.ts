import type { StatementStatus } from './statement.js'

/**
 * The statement lifecycle:
 *
 *   drafting ──lock──▶ locked ──close──▶ closed
 *       ▲                │
 *       └──unlock(reason)┘
 *
 * Only drafting statements change text. Locked is the final text that
 * organisations endorse; closed means endorsements are closed and the statement
 * was submitted.
 */
export const LIFECYCLE_ACTIONS = ['lock', 'unlock', 'close'] as const
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

const TRANSITIONS: Record<StatementStatus, Partial<Record<LifecycleAction, StatementStatus>>> = {
  drafting: { lock: 'locked' },
  locked: { unlock: 'drafting', close: 'closed' },
  closed: {},
}

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: StatementStatus, action: LifecycleAction): StatementStatus | null {
  return TRANSITIONS[status][action] ?? null
}

/** Whether the text may change: only while drafting. */
export function textIsOpen(status: StatementStatus): boolean {
  return status === 'drafting'
}
