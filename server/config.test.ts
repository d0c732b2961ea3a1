import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('BROADCAST_FRAMES_PER_SECOND', () => {
  it('is 20,000 by default, takes 0 (a broadcast every event-loop turn), and refuses what is not a whole number', () => {
    expect(loadConfig({}).broadcastFramesPerSecond).toBe(20_000)
    expect(loadConfig({ BROADCAST_FRAMES_PER_SECOND: '0' }).broadcastFramesPerSecond).toBe(0)
    expect(loadConfig({ BROADCAST_FRAMES_PER_SECOND: '50000' }).broadcastFramesPerSecond).toBe(50_000)
    for (const wrong of ['-1', '100000001', 'fast', '2.5']) expect(() => loadConfig({ BROADCAST_FRAMES_PER_SECOND: wrong })).toThrow(ConfigError)
  })
})
