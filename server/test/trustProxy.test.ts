import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.js'
import { createStatement, seedAlliance } from './alliance.js'
import { browserHeaders, upgradeStatus } from './collabClient.js'
import { startTestServer, type TestServer } from './testServer.js'

const forwardedFor = (address: string) => ({ 'x-forwarded-for': address })

/** What the three per-address limits make of requests that claim to come from `addresses` in turn. */
async function limitsSeen(server: TestServer, addresses: string[]) {
  const alliance = await seedAlliance(server)
  const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
  const anonymous = server.client()
  const login: number[] = []
  const signon: number[] = []
  const upgrade: number[] = []
  for (const address of addresses) {
    login.push((await anonymous.request('POST', '/api/auth/login', { email: 'victim@alliance.test', password: 'wrong-password-1' }, forwardedFor(address))).status)
    signon.push((await anonymous.request('POST', '/api/public/signon/unknown-token', { organizationName: 'x' }, forwardedFor(address))).status)
    upgrade.push(await upgradeStatus(`${server.url.replace(/^http/, 'ws')}/collab/${id}`, { ...browserHeaders(server, undefined), ...forwardedFor(address) }))
  }
  return { login, signon, upgrade }
}

// Each limit allows two attempts per address and window.
const TIGHT = { LOGIN_MAX_ATTEMPTS: '2', SIGNON_MAX_SUBMISSIONS: '2', MAX_UPGRADES_PER_MINUTE_PER_ADDRESS: '2' }

describe('TRUST_PROXY', () => {
  it('is off by default: X-Forwarded-For is ignored, so every claimed address shares the proxy’s (here the test’s) limits', async () => {
    const server = await startTestServer({ env: TIGHT })
    try {
      expect(server.config.trustProxy).toBe(false)
      const seen = await limitsSeen(server, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      expect(seen).toEqual({ login: [401, 401, 429], signon: [400, 400, 429], upgrade: [401, 401, 429] })
    } finally {
      await server.stop({ removeData: true })
    }
  })

  it('when the proxy is trusted, keys the login, sign-on and upgrade limits on the address it forwards', async () => {
    const server = await startTestServer({ env: { ...TIGHT, TRUST_PROXY: 'loopback' } })
    try {
      const seen = await limitsSeen(server, ['203.0.113.1', '203.0.113.2', '203.0.113.1', '203.0.113.3', '203.0.113.1'])
      // 203.0.113.1 spends its two attempts and is refused the third time; the others are untouched.
      expect(seen).toEqual({ login: [401, 401, 401, 401, 429], signon: [400, 400, 400, 400, 429], upgrade: [401, 401, 401, 401, 429] })
    } finally {
      await server.stop({ removeData: true })
    }
  })

  it('trusts only the hops it is told to: with one hop, the address before the proxy counts, not what the client wrote', async () => {
    const server = await startTestServer({ env: { ...TIGHT, TRUST_PROXY: '1' } })
    try {
      // A client writes its own X-Forwarded-For; the trusted proxy appends the address it saw (always the same here).
      const seen = await limitsSeen(server, ['10.9.9.1, 198.51.100.7', '10.9.9.2, 198.51.100.7', '10.9.9.3, 198.51.100.7'])
      expect(seen).toEqual({ login: [401, 401, 429], signon: [400, 400, 429], upgrade: [401, 401, 429] })
    } finally {
      await server.stop({ removeData: true })
    }
  })

  it('reads true, false, hop counts and address lists as Express does, and refuses anything else at start', () => {
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy
    expect(read('')).toBe(false)
    expect(read('false')).toBe(false)
    expect(read('true')).toBe(true)
    expect(read('2')).toBe(2)
    expect(read('loopback, 10.0.0.0/8, fc00::/7, 192.168.1.1/255.255.255.0')).toBe('loopback, 10.0.0.0/8, fc00::/7, 192.168.1.1/255.255.255.0')
    for (const bad of ['yes', 'proxy.example.org', '10.0.0.0/8/8', '1.2.3']) expect(() => read(bad), bad).toThrow(ConfigError)
  })
})
