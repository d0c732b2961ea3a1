import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab/closeCodes.js'
import { createStatement, type Alliance } from './alliance.js'
import { appendParagraph, connectProvider, paragraphUpdate, synced } from './collabClient.js'
import { rawSocket, updateMessage } from './rawSocket.js'
import { startTestServer, type TestServer } from './testServer.js'
import { useAllianceServer } from './allianceServer.js'
import { waitFor } from './waitFor.js'

/** Every file of one statement's document state, by name, with its bytes. */
async function documentFiles(dataDir: string, statementId: string): Promise<Record<string, string>> {
  const dir = path.join(dataDir, 'documents')
  const names = (await readdir(dir)).filter((name) => name.startsWith(`${statementId}.`)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(path.join(dir, name))).toString('hex')] as const)))
}

describe('malformed and empty updates', () => {
  let server: TestServer
  let alliance: Alliance
  const cleanups = useAllianceServer((running) => ({ server, alliance } = running))

  const textOf = async (id: string) => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text as string

  it('neither change the document nor reach the store, and other clients keep editing', async () => {
    const { id } = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = connectProvider(server, id, alliance.coordinator.cookie)
    await synced(writer.provider)
    appendParagraph(writer.doc, 'Agreed text')
    await waitFor(async () => (await textOf(id)) === 'Agreed text', { what: 'first edit' })
    writer.provider.destroy()
    // Unloading folds the log into one state file: from here on the files only change if something is applied.
    await waitFor(async () => !(await server.documents.peek(id)), { what: 'unload after the writer leaves' })
    const before = await documentFiles(server.dataDir, id)
    expect(Object.keys(before).length).toBeGreaterThan(0)

    const whole = paragraphUpdate('Injected')
    // The second of two edits, without the first: Yjs would park it as pending and merge it into every later update.
    const unseen = new Y.Doc()
    appendParagraph(unseen, 'Never sent')
    const dependent: Uint8Array[] = []
    unseen.on('update', (update: Uint8Array) => dependent.push(update))
    appendParagraph(unseen, 'Depends on it')
    const attacks: [string, Uint8Array, number | null][] = [
      ['the empty update', new Uint8Array([0, 0]), null],
      ['an update Yjs rejects', new Uint8Array([1, 2, 3, 4, 5]), CloseCode.malformedMessage],
      // Cut off in the delete set: Yjs alone would integrate the paragraph, then throw.
      ['an update without its last byte', whole.subarray(0, whole.byteLength - 1), CloseCode.malformedMessage],
      ['an update cut in half', whole.subarray(0, whole.byteLength >> 1), CloseCode.malformedMessage],
      ['an update whose dependencies the server never saw', dependent[0]!, CloseCode.malformedMessage],
    ]
    for (const [what, update, expectedClose] of attacks) {
      const socket = rawSocket(server, id, alliance.drafter.cookie)
      cleanups.push(() => socket.ws.terminate())
      await socket.opened()
      socket.ws.send(updateMessage(update))
      if (expectedClose === null) {
        await socket.roundTrip()
        expect(socket.closeCode(), what).toBeNull()
      } else {
        await waitFor(() => socket.closeCode() === expectedClose, { what: `close ${expectedClose} for ${what}` })
      }
      const room = server.documents.loadedRoom(id)
      expect(room?.hasUnsavedChanges() ?? false, what).toBe(false)
      expect(await textOf(id), what).toBe('Agreed text')
      socket.ws.close()
    }
    await waitFor(async () => !(await server.documents.peek(id)), { what: 'unload after the attackers leave' })
    expect(await documentFiles(server.dataDir, id)).toEqual(before)

    // Other clients keep editing, and a restart loads exactly the honest text.
    const a = connectProvider(server, id, alliance.drafter.cookie)
    const b = connectProvider(server, id, alliance.coordinator.cookie)
    cleanups.push(() => a.provider.destroy(), () => b.provider.destroy())
    await Promise.all([synced(a.provider), synced(b.provider)])
    appendParagraph(a.doc, 'After the attacks')
    await waitFor(() => b.text().includes('After the attacks'), { what: 'convergence' })
    a.provider.destroy()
    b.provider.destroy()
    await waitFor(async () => !(await server.documents.peek(id)), { what: 'unload' })
    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir })
    const admin = await server.admin()
    expect((await admin.get(`/api/statements/${id}/content?format=text`)).text).toBe('Agreed text\nAfter the attacks')
  })
})
