import { addOrganization, createInvitation, organizationOption } from './support/adminArea.js'
import { waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement, openStatementFromList, searchStatements } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

test('a person from an organisation outside a confidential statement can neither list nor open it', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const drafting = { name: `Prison Insight ${suffix}`, shortName: `PI-${suffix}` }
  const outside = { name: `Rights Outside ${suffix}`, shortName: `RO-${suffix}` }
  const title = `Confidential draft on solitary confinement ${suffix}`

  await addOrganization(adminPage, drafting)
  await addOrganization(adminPage, outside)
  const drafterLink = await createInvitation(adminPage, { email: `drafter-${suffix}@pi.e2e.test`, organization: drafting })
  const outsiderLink = await createInvitation(adminPage, { email: `outsider-${suffix}@ro.e2e.test`, organization: outside })
  const statementId = await createStatement(adminPage, {
    title,
    visibility: 'Confidential: drafting organisations only',
    draftingOrganizations: [organizationOption(drafting)],
  })
  await expect(adminPage.getByRole('main').getByText('Confidential', { exact: true })).toBeVisible()

  // The drafter can list and open it: the outsider's failures below are not a broken statement.
  const drafterPage = await joinAs(drafterLink, 'Dana Drafter')
  await openStatementFromList(drafterPage, title)
  await waitUntilConnected(drafterPage)

  const outsiderPage = await joinAs(outsiderLink, 'Omar Outsider')

  // Absent from the list, even when searched for by its exact title.
  await expect(await searchStatements(outsiderPage, title)).toHaveText(`No statements match “${title}”.`)
  await expect(outsiderPage.getByRole('link', { name: title })).toHaveCount(0)
  const listed = await outsiderPage.request.get(`/api/statements?q=${encodeURIComponent(title)}`)
  expect(listed.status()).toBe(200)
  expect((await listed.json()).statements).toEqual([])

  // Its address shows the not-found page, which says no more than for a statement that does not exist.
  await outsiderPage.goto(`/statements/${encodeURIComponent(statementId)}`)
  await expect(outsiderPage.getByRole('heading', { level: 1, name: 'Statement not found' })).toBeVisible()
  await expect(outsiderPage.getByRole('main')).not.toContainText(title)
  await expect(outsiderPage.getByTestId('statement-editor')).toHaveCount(0)
  await expect(outsiderPage).toHaveTitle(/Statement not found/)
  await outsiderPage.screenshot({ path: testInfo.outputPath('outsider-not-found.png'), fullPage: true })

  // The API answers 404, not 403, exactly as for an id that was never used.
  for (const path of [`/api/statements/${encodeURIComponent(statementId)}`, `/api/statements/${encodeURIComponent(statementId)}/content`]) {
    const response = await outsiderPage.request.get(path)
    expect(response.status(), path).toBe(404)
    expect(await response.text()).not.toContain(title)
  }
  const neverCreated = await outsiderPage.request.get(`/api/statements/no-such-statement-${suffix}`)
  expect(neverCreated.status()).toBe(404)

  // The collaboration socket refuses the outsider too, whatever a client might try: it never opens.
  const socketOutcome = await outsiderPage.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/collab/${encodeURIComponent(id)}`)
        socket.onopen = () => {
          socket.close()
          resolve('opened')
        }
        socket.onclose = () => resolve('refused')
      }),
    statementId,
  )
  expect(socketOutcome).toBe('refused')
})
