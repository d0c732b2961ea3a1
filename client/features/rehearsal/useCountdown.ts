import { useEffect, useState } from 'react'
import { newCountdown, pause, reset, start, type Countdown } from './countdown.js'

const TICK_MS = 200

/** The countdown and a clock that ticks only while it runs. */
export function useCountdown(totalSeconds: number) {
  const [countdown, setCountdown] = useState<Countdown>(() => newCountdown(totalSeconds))
  const [now, setNow] = useState(() => Date.now())

  // A new limit (the coordinator changed it, the text was reloaded) starts a fresh countdown.
  const [forTotal, setForTotal] = useState(totalSeconds)
  if (forTotal !== totalSeconds) {
    setForTotal(totalSeconds)
    setCountdown(newCountdown(totalSeconds))
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
      setCountdown((current) => reset(current))
    },
  }
}
