import { afterAll, afterEach, beforeAll } from 'vitest'
import { seedAlliance, type Alliance } from './alliance.js'
import { startTestServer, type TestServer } from './testServer.js'

/**
 * Registers, in the calling describe block, one real server with the seeded alliance for all its
 * tests, stopped (and its data removed) after them. `started` receives both once they are up.
 * Returns the list of per-test cleanups (sockets, providers), run after each test.
 */
export function useAllianceServer(
  started: (running: { server: TestServer; alliance: Alliance }) => void,
  options: Parameters<typeof startTestServer>[0] = {},
): (() => void)[] {
  let server: TestServer | undefined
  const cleanups: (() => void)[] = []
  beforeAll(async () => {
    server = await startTestServer(options)
    started({ server, alliance: await seedAlliance(server) })
  })
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })
  afterAll(() => server?.stop({ removeData: true }))
  return cleanups
}
