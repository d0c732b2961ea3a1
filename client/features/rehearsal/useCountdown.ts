import { useEffect, useRef, useState } from 'react'
import { newCountdown, pause, reset, retarget, start, type Countdown } from './countdown.js'

const TICK_MS = 200

/**
 * The countdown and a clock that ticks only while it runs. The countdown lives in state,
 * not in props: the page re-renders on every edit of the live text, and none of that
 * restarts or moves the clock (`retarget` changes the total only before the first start).
 */
export function useCountdown(totalSeconds: number) {
  const [countdown, setCountdown] = useState<Countdown>(() => newCountdown(totalSeconds))
  const [now, setNow] = useState(() => Date.now())
  const latestTotal = useRef(totalSeconds)
  latestTotal.current = totalSeconds

  // Adjusted during render rather than in an effect, so an untouched clock never shows the old total.
  const [forTotal, setForTotal] = useState(totalSeconds)
  if (forTotal !== totalSeconds) {
    setForTotal(totalSeconds)
    setCountdown((current) => retarget(current, totalSeconds))
  }

  const running = countdown.startedAt !== null
  useEffect(() => {
    if (!running) return
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS)
    return () => window.clearInterval(timer)
  }, [running])

  return {
    countdown,
    now,
    start: () => {
      const at = Date.now()
      setNow(at)
      setCountdown((current) => start(current, at))
    },
    pause: () => {
      const at = Date.now()
      setNow(at)
      setCountdown((current) => pause(current, at))
    },
    reset: () => {
      setNow(Date.now())
      setCountdown((current) => reset(current, latestTotal.current))
    },
  }
}
