import { describe, expect, it } from 'vitest'
import { countdownLevel, formatCountdown, isRunning, newCountdown, pause, remainingMs, reset, retarget, start } from './countdown.js'

describe('countdown', () => {
  it('runs only between start and pause, and keeps the time used across pauses', () => {
    let clock = newCountdown(180)
    expect(remainingMs(clock, 5_000)).toBe(180_000)
    clock = start(clock, 10_000)
    expect(isRunning(clock)).toBe(true)
    expect(remainingMs(clock, 70_000)).toBe(120_000)
    clock = pause(clock, 70_000)
    expect(isRunning(clock)).toBe(false)
    expect(remainingMs(clock, 500_000)).toBe(120_000)
    clock = start(clock, 500_000)
    expect(remainingMs(clock, 530_000)).toBe(90_000)
  })

  it('ignores a second start and a pause while paused', () => {
    const running = start(newCountdown(60), 1_000)
    expect(start(running, 9_000)).toBe(running)
    const paused = newCountdown(60)
    expect(pause(paused, 9_000)).toBe(paused)
  })

  it('gives all the time back on reset, and stops', () => {
    const used = pause(start(newCountdown(60), 0), 45_000)
    const fresh = reset(start(used, 50_000))
    expect(isRunning(fresh)).toBe(false)
    expect(remainingMs(fresh, 99_000)).toBe(60_000)
  })

  it('takes a new total only while untouched, so a running or paused clock never jumps', () => {
    const idle = newCountdown(60)
    expect(remainingMs(retarget(idle, 75), 0)).toBe(75_000)
    expect(retarget(idle, 60)).toBe(idle)

    const running = start(newCountdown(60), 1_000)
    expect(retarget(running, 90)).toBe(running)
    const paused = pause(running, 11_000)
    expect(retarget(paused, 90)).toBe(paused)
    expect(remainingMs(retarget(paused, 90), 20_000)).toBe(50_000)
  })

  it('resets to the latest total when given one', () => {
    const used = pause(start(newCountdown(60), 0), 45_000)
    const fresh = reset(used, 90)
    expect(isRunning(fresh)).toBe(false)
    expect(remainingMs(fresh, 99_000)).toBe(90_000)
    expect(remainingMs(retarget(fresh, 120), 0)).toBe(120_000)
  })

  it('turns amber in the last tenth and red past zero', () => {
    const clock = start(newCountdown(100), 0)
    expect(countdownLevel(clock, 89_999)).toBe('ok')
    expect(countdownLevel(clock, 90_000)).toBe('near')
    expect(countdownLevel(clock, 100_000)).toBe('near')
    expect(countdownLevel(clock, 100_001)).toBe('over')
  })

  it('shows whole seconds counting down to 0:00, then the time over with a minus sign', () => {
    expect(formatCountdown(180_000)).toBe('3:00')
    expect(formatCountdown(125_000)).toBe('2:05')
    expect(formatCountdown(500)).toBe('0:01')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-999)).toBe('0:00')
    expect(formatCountdown(-12_000)).toBe('\u22120:12')
    expect(formatCountdown(-61_500)).toBe('\u22121:01')
  })
})
