import { LoadSession, sleep } from '../load/loadSession.js'
import { waitUntil } from '../load/waitUntil.js'
import { readRssMb } from '../servers/processStats.js'
import type { Scenario } from './scenario.js'

const CLIENTS_PER_DOCUMENT = 2
const INSERTS_PER_CLIENT = 5
/** Long enough for a debounced save (Plenary: at most SAVE_MAX_WAIT_MS, 1 s) and an unload. */
const UNLOAD_DEADLINE_MS = 20_000

/**
 * docs: many statements open at once with two clients each and a little typing:
 * resident memory per open statement (RSS growth over the idle server, divided
 * by the number of statements; and the V8 heap's growth, which is steadier), then all clients leave: does the server unload
 * every closed statement, and how long does that take?
 */
export const docs: Scenario = {
  name: 'docs',
  async run(server, { quick, log }) {
    const count = quick ? 50 : 200
    const rooms = await server.createDocuments(count)
    await sleep(1000)
    await server.collectGarbage()
    const baselineMb = readRssMb(server.pid())
    const baselineHeap = await server.heapUsed()
    const sessions: LoadSession[] = []
    try {
      for (const room of rooms) {
        const session = await LoadSession.open(server, room, CLIENTS_PER_DOCUMENT)
        sessions.push(session)
        session.typeEach(INSERTS_PER_CLIENT)
      }
      await waitUntil(() => sessions.every((session) => session.delivered), { timeoutMs: 60_000, what: `every insert on ${server.name}'s ${count} statements` })
      // Five statements stand for all: a fresh client must see what the typists see.
      for (const session of sessions.slice(0, 5)) await session.verifyConvergence()
      await sleep(2000)
      await server.collectGarbage()
      const openMb = readRssMb(server.pid())
      const heapKbPerOpenDocument = ((await server.heapUsed()) - baselineHeap) / 1024 / count
      const openBefore = await server.openDocuments(rooms)
      for (const session of sessions) session.close()
      sessions.length = 0
      const closedAt = Date.now()
      let openAfter = openBefore
      await waitUntil(
        async () => {
          openAfter = await server.openDocuments(rooms)
          return openAfter === 0
        },
        { timeoutMs: quick ? UNLOAD_DEADLINE_MS / 2 : UNLOAD_DEADLINE_MS, what: 'unload' },
      ).catch(() => undefined)
      const unloadMs = openAfter === 0 ? Date.now() - closedAt : null
      const kbPerOpenDocument = ((openMb - baselineMb) * 1024) / count
      log(`docs ${server.name}: ${kbPerOpenDocument.toFixed(0)} KB per open statement, ${openAfter} of ${count} still loaded after close`)
      return [
        {
          scenario: `docs-${count}`,
          server: server.name,
          figures: { kbPerOpenDocument, heapKbPerOpenDocument, rssOpenMb: openMb, openDocuments: openBefore, stillLoadedAfterClose: openAfter, closedUnloaded: openAfter === 0, unloadMs },
        },
      ]
    } finally {
      for (const session of sessions) session.close()
    }
  },
}
