import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('BROADCAST_WINDOW_MS', () => {
  it('is 4 ms by default, takes 0 (a broadcast every event-loop turn), and refuses what is not a whole number of milliseconds up to a second', () => {
    expect(loadConfig({}).broadcastWindowMs).toBe(4)
    expect(loadConfig({ BROADCAST_WINDOW_MS: '0' }).broadcastWindowMs).toBe(0)
    expect(loadConfig({ BROADCAST_WINDOW_MS: '25' }).broadcastWindowMs).toBe(25)
    for (const wrong of ['-1', '1001', 'soon', '2.5']) expect(() => loadConfig({ BROADCAST_WINDOW_MS: wrong })).toThrow(ConfigError)
  })
})
