import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AUTO_VERSION_MAX_INTERVAL_MS, AUTO_VERSION_PAUSE_MS } from '../../shared/domain/version.js'
import { createStatement, type Alliance } from './alliance.js'
import type { ApiClient } from './apiClient.js'
import { appendParagraph, connectProvider, synced } from './collabClient.js'
import { type TestServer } from './testServer.js'
import { useAllianceServer } from './allianceServer.js'
import { waitFor } from './waitFor.js'

/** Replaces the whole text of a provider's document with one paragraph per entry. */
function setParagraphs(doc: Y.Doc, paragraphs: string[]): void {
  const fragment = doc.getXmlFragment('default')
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    for (const text of paragraphs) appendParagraph(doc, text)
  })
}

describe('version history', () => {
  let server: TestServer
  let alliance: Alliance
  let clock = Date.parse('2026-05-04T09:00:00Z')
  const cleanups = useAllianceServer((running) => ({ server, alliance } = running), { now: () => new Date(clock) })

  async function editor(statementId: string, client: ApiClient) {
    const connection = connectProvider(server, statementId, client.cookie)
    cleanups.push(() => connection.provider.destroy())
    await synced(connection.provider)
    return connection
  }
  const text = async (id: string) => (await alliance.coordinator.get(`/api/statements/${id}/content?format=text`)).text
  const versions = async (id: string) => (await alliance.drafter.get(`/api/statements/${id}/versions`)).body.versions

  it('records an automatic version when editing pauses, crediting who wrote, and never without a real change', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = await editor(statement.id, alliance.drafter)
    appendParagraph(writer.doc, 'Madam Chair, distinguished delegates')
    await waitFor(async () => (await text(statement.id)).includes('Madam Chair'))

    clock += AUTO_VERSION_PAUSE_MS - 1000
    expect(await server.automaticVersions.tick()).toBe(0)
    clock += 1000
    expect(await server.automaticVersions.tick()).toBe(1)
    const [auto] = await versions(statement.id)
    expect(auto).toMatchObject({ number: 1, kind: 'automatic', label: null, createdBy: null, wordCount: 4, authorNames: ['drafter'], organizationNames: ['DO'] })
    expect(auto.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(auto).not.toHaveProperty('content')

    // Typed and taken back: the canonical text equals the latest version's, so no version.
    appendParagraph(writer.doc, 'Temporary')
    await waitFor(async () => (await text(statement.id)).includes('Temporary'))
    setParagraphs(writer.doc, ['Madam Chair, distinguished delegates'])
    await waitFor(async () => !(await text(statement.id)).includes('Temporary'))
    clock += AUTO_VERSION_PAUSE_MS
    expect(await server.automaticVersions.tick()).toBe(0)
    expect(await versions(statement.id)).toHaveLength(1)
  })

  it('records one at least every 30 minutes of continuous editing', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = await editor(statement.id, alliance.drafter)
    const step = AUTO_VERSION_PAUSE_MS / 2
    let typed = 0
    for (let elapsed = 0; elapsed < AUTO_VERSION_MAX_INTERVAL_MS; elapsed += step) {
      appendParagraph(writer.doc, `Sentence ${typed}`)
      typed += 1
      await waitFor(async () => (await text(statement.id)).includes(`Sentence ${typed - 1}`))
      expect(await server.automaticVersions.tick()).toBe(0)
      clock += step
    }
    expect(await server.automaticVersions.tick()).toBe(1)
  })

  it('records an automatic version when the last person leaves', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = await editor(statement.id, alliance.drafter)
    appendParagraph(writer.doc, 'Written, then everyone left')
    await waitFor(async () => (await text(statement.id)).includes('everyone left'))
    writer.provider.destroy()
    await waitFor(async () => (await versions(statement.id)).length === 1, { what: 'version on last leave' })
  })

  it('saves named versions for drafters only, and shows any version with its content', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })
    const writer = await editor(statement.id, alliance.drafter)
    appendParagraph(writer.doc, 'Circulated text')
    await waitFor(async () => (await text(statement.id)) === 'Circulated text')

    const named = await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: 'Circulated to members, 3 May' })
    expect(named.status).toBe(201)
    expect(named.body).toMatchObject({ number: 1, kind: 'named', label: 'Circulated to members, 3 May', createdByName: 'drafter' })
    expect((await alliance.outsider.post(`/api/statements/${statement.id}/versions`, { label: 'Mine' })).status).toBe(403)
    expect((await alliance.anonymous.post(`/api/statements/${statement.id}/versions`, { label: 'x' })).status).toBe(401)
    expect((await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: '  ' })).status).toBe(400)

    const shown = await alliance.outsider.get(`/api/statements/${statement.id}/versions/${named.body.id}`)
    expect(shown.status).toBe(200)
    expect(shown.body.content.text).toBe('Circulated text')
    expect(shown.body.content.html).toBe('<p>Circulated text</p>')
    expect(shown.body.content.json).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Circulated text' }] }] })
    expect((await alliance.outsider.get(`/api/statements/${statement.id}/versions/nope`)).status).toBe(404)
  })

  it('compares two versions, or a version and the current text, word by word', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members' })
    const writer = await editor(statement.id, alliance.drafter)
    setParagraphs(writer.doc, ['We urge States to act.', 'Second paragraph stays.'])
    await waitFor(async () => (await text(statement.id)).includes('stays'))
    const v1 = (await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: 'one' })).body
    setParagraphs(writer.doc, ['We urge all States to act now.', 'Second paragraph stays.'])
    await waitFor(async () => (await text(statement.id)).includes('now'))

    const current = await alliance.outsider.get(`/api/statements/${statement.id}/diff?from=${v1.id}&to=current`)
    expect(current.status).toBe(200)
    expect(current.body.stats).toEqual({ wordsAdded: 2, wordsRemoved: 0 })
    const inserted = current.body.changes.filter((c: { op: string }) => c.op === 'insert').map((c: { text: string }) => c.text.trim())
    expect(inserted.join(' ')).toContain('all')
    expect(current.body.changes.map((c: { text: string; op: string }) => (c.op === 'delete' ? '' : c.text)).join('')).toBe(await text(statement.id))

    const v2 = (await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: 'two' })).body
    const between = await alliance.drafter.get(`/api/statements/${statement.id}/diff?from=${v1.id}&to=${v2.id}`)
    expect(between.body.stats).toEqual(current.body.stats)
    expect((await alliance.drafter.get(`/api/statements/${statement.id}/diff?from=${v1.id}&to=missing`)).status).toBe(404)
    expect((await alliance.drafter.get(`/api/statements/${statement.id}/diff`)).status).toBe(400)
  })

  it('restores a version as a new change that a connected client receives, keeping the history', async () => {
    const statement = await createStatement(alliance.coordinator, { visibility: 'members', draftingOrganizationIds: [alliance.drafting.id] })
    const writer = await editor(statement.id, alliance.drafter)
    const watcher = await editor(statement.id, alliance.coordinator)
    setParagraphs(writer.doc, ['Original wording.'])
    await waitFor(async () => (await text(statement.id)) === 'Original wording.')
    const v1 = (await alliance.drafter.post(`/api/statements/${statement.id}/versions`, { label: 'good' })).body
    setParagraphs(writer.doc, ['A bad edit.'])
    await waitFor(async () => (await text(statement.id)) === 'A bad edit.')

    expect((await alliance.outsider.post(`/api/statements/${statement.id}/versions/${v1.id}/restore`)).status).toBe(403)
    const restored = await alliance.drafter.post(`/api/statements/${statement.id}/versions/${v1.id}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.body).toMatchObject({ kind: 'restore', label: 'Restored from v1', restoredFromVersionId: v1.id, fingerprint: v1.fingerprint })
    await waitFor(() => watcher.text() === '<paragraph>Original wording.</paragraph>', { what: 'restore to reach the watcher' })
    await waitFor(() => writer.text() === '<paragraph>Original wording.</paragraph>', { what: 'restore to reach the writer' })
    expect(await text(statement.id)).toBe('Original wording.')
    expect((await versions(statement.id)).map((v: { number: number }) => v.number)).toEqual([2, 1])
  })
})
