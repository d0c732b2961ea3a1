import { useCallback, useEffect, useState } from 'react'

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'error'; error: unknown }

export interface ResourceOptions {
  /** Keep showing the last answer while the next one loads (search results), instead of a loading state. */
  keepPrevious?: boolean
}

/**
 * Loads `load(signal)` whenever `key` changes, aborting the previous request so a
 * slow answer for an old search can never overwrite a newer one.
 * `key` must capture everything `load` depends on: `load` itself is a fresh
 * closure on every render and is deliberately not a dependency.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: ResourceOptions = {}) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const keepPrevious = options.keepPrevious ?? false

  useEffect(() => {
    const controller = new AbortController()
    setResource((previous) =>
      keepPrevious && previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' },
    )
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data, refreshing: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error })
      },
    )
    return () => controller.abort()
  }, [key, generation])

  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  const setData = useCallback((data: T) => setResource({ status: 'ready', data, refreshing: false }), [])
  return { resource, reload, setData }
}
