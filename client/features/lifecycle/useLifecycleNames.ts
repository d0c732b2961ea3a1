import { useEffect, useState } from 'react'
import type { StatementDto } from '../../../shared/api/dto.js'
import { lifecycleApi } from '../../http/lifecycle.js'
import { useResource } from '../../http/useResource.js'
import { actorNameFromAudit } from './actorNames.js'

const RETRY_MS = 1000
const MAX_RETRIES = 3

export interface LifecycleNames {
  lockedBy: string | undefined
  unlockedBy: string | undefined
}

/**
 * Who locked and who last unlocked the statement, by name. The page refetches the
 * statement as soon as the live socket says access changed, which can be before the
 * server has appended the audit entry; a name still missing is asked for again a few times.
 */
export function useLifecycleNames(statement: StatementDto): LifecycleNames {
  const { lock, lastUnlock } = statement
  const wanted = lock !== null || lastUnlock !== null
  const [attempt, setAttempt] = useState(0)
  const key = `lifecycle-names:${statement.id}:${lock?.lockedAt ?? ''}:${lastUnlock?.unlockedAt ?? ''}`
  const { resource } = useResource(
    `${key}:${attempt}`,
    (signal) => (wanted ? lifecycleApi.audit(statement.id, signal) : Promise.resolve({ entries: [] })),
    { keepPrevious: true },
  )
  const entries = resource.status === 'ready' ? resource.data.entries : []
  const names: LifecycleNames = {
    lockedBy: lock ? actorNameFromAudit(entries, lock.lockedBy, 'locked') : undefined,
    unlockedBy: lastUnlock ? actorNameFromAudit(entries, lastUnlock.unlockedBy, 'unlocked') : undefined,
  }
  const missing = resource.status === 'ready' && !resource.refreshing && ((lock && !names.lockedBy) || (lastUnlock && !names.unlockedBy))

  // A new lock or unlock starts a new round of attempts.
  const [attemptsFor, setAttemptsFor] = useState(key)
  if (attemptsFor !== key) {
    setAttemptsFor(key)
    setAttempt(0)
  }

  useEffect(() => {
    if (!missing || attempt >= MAX_RETRIES) return
    const timer = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS)
    return () => clearTimeout(timer)
  }, [missing, attempt])

  return names
}
