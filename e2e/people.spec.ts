import type { Page } from '@playwright/test'
import { addOrganization, createInvitation } from './support/adminArea.js'
import { E2E_ADMIN, MEMBER_PASSWORD } from './support/credentials.js'
import { statementEditor, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

/**
 * How long a disabled person's open editor may go on showing the statement. The
 * relay closes their sockets on the change's event at once (4401), so this only
 * absorbs a loaded machine; it is far below the 15 s session sweep, which must
 * not be what signs them out.
 */
const SIGNED_OUT_DEADLINE_MS = 8_000

/** A row of Administration → People, by the person's name in its row header. */
function personRow(page: Page, name: string) {
  return page.getByTestId('people-table').getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('an admin disables a member whose statement is open: the editor signs them out within seconds, sign-in says the account is disabled, enabling lets them back', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const organization = { name: `Penal Reform Watch ${suffix}`, shortName: `PRW-${suffix}` }
  const name = `Mira Member ${suffix}`
  const email = `mira-${suffix}@prw.e2e.test`
  const title = `Statement on pre-trial detention ${suffix}`

  await addOrganization(adminPage, organization)
  const link = await createInvitation(adminPage, { email, organization })
  const statementId = await createStatement(adminPage, { title, visibility: 'All members can read' })

  // The member is in the editor, connected, when the admin acts.
  const memberPage = await joinAs(link, name)
  await memberPage.goto(`/statements/${encodeURIComponent(statementId)}`)
  await expect(memberPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await waitUntilConnected(memberPage)

  await adminPage.goto('/admin?tab=people')
  const row = personRow(adminPage, name)
  await expect(row).toContainText('Active')
  await row.getByRole('button', { name: `Disable ${name}` }).click()
  const dialog = adminPage.getByTestId('disable-dialog')
  await expect(dialog).toContainText(`${name} will be signed out at once`)
  await dialog.getByRole('button', { name: 'Disable account' }).click()
  await expect(adminPage.getByRole('status').filter({ hasText: `${name} is disabled and signed out everywhere.` })).toBeVisible()
  await expect(row).toContainText('Disabled')

  // Within the deadline the member's page has let go of the statement and asks them to sign in again.
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: SIGNED_OUT_DEADLINE_MS })
  await expect(memberPage.getByRole('status').filter({ hasText: 'Your session ended. Sign in again to continue.' })).toBeVisible()
  await expect(memberPage.getByTestId('statement-editor')).toHaveCount(0)
  await expect(memberPage.getByRole('main')).not.toContainText(title)
  await memberPage.screenshot({ path: testInfo.outputPath('member-signed-out.png'), fullPage: true })

  // The right password is refused with the disabled account's message, not "wrong password".
  await submitSignIn(memberPage, email, MEMBER_PASSWORD)
  await expect(memberPage.getByRole('alert')).toHaveText('This account has been disabled; ask a coordinator')
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  const refused = await memberPage.request.get(`/api/statements/${encodeURIComponent(statementId)}`)
  expect(refused.status()).toBe(401)

  await row.getByRole('button', { name: `Enable ${name}` }).click()
  await expect(adminPage.getByRole('status').filter({ hasText: `${name} may sign in again.` })).toBeVisible()
  await expect(row).toContainText('Active')

  // Signing in again takes the member back to the statement they were on, connected and editable.
  await submitSignIn(memberPage, email, MEMBER_PASSWORD)
  await expect(memberPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await waitUntilConnected(memberPage)
  await expect(statementEditor(memberPage).readOnlyBadge).toHaveCount(0)
})

test('a coordinator sees an administrator’s row without controls, and a member’s row with them', async ({ adminPage, joinAs }) => {
  const suffix = uniqueSuffix()
  const organization = { name: `Justice Coalition ${suffix}`, shortName: `JC-${suffix}` }
  const coordinatorName = `Cora Coordinator ${suffix}`
  const memberName = `Milo Member ${suffix}`

  await addOrganization(adminPage, organization)
  const coordinatorLink = await createInvitation(adminPage, { email: `cora-${suffix}@jc.e2e.test`, organization, role: 'Coordinator' })
  const memberLink = await createInvitation(adminPage, { email: `milo-${suffix}@jc.e2e.test`, organization })
  await joinAs(memberLink, memberName)
  const coordinatorPage = await joinAs(coordinatorLink, coordinatorName)

  await coordinatorPage.goto('/admin?tab=people')
  await coordinatorPage.getByRole('button', { name: 'People' }).click()

  // The member's row has every control a coordinator may use, so the admin's row below is not simply a broken table.
  const memberRow = personRow(coordinatorPage, memberName)
  const role = memberRow.getByRole('combobox', { name: `Role of ${memberName}` })
  await expect(role).toBeVisible()
  await expect(role.getByRole('option')).toHaveText(['Coordinator', 'Member'])
  await expect(memberRow.getByRole('checkbox', { name: `${memberName} may sign for their organisation` })).toBeVisible()
  await expect(memberRow.getByRole('button', { name: `Disable ${memberName}` })).toBeVisible()

  // The administrator's row: role, signing right and state as text, and nothing to press.
  const adminRow = personRow(coordinatorPage, 'Administrator')
  await expect(adminRow).toContainText(E2E_ADMIN.email)
  await expect(adminRow.getByRole('cell').nth(2)).toHaveText('Administrator')
  await expect(adminRow).toContainText('Active')
  await expect(adminRow.getByRole('combobox')).toHaveCount(0)
  await expect(adminRow.getByRole('checkbox')).toHaveCount(0)
  await expect(adminRow.getByRole('button')).toHaveCount(0)

  // And the server refuses what the page does not offer.
  const users = (await (await coordinatorPage.request.get('/api/users')).json()).users as { id: string; email: string }[]
  const adminId = users.find((user) => user.email === E2E_ADMIN.email)?.id
  const origin = new URL(coordinatorPage.url()).origin
  const attempt = await coordinatorPage.request.patch(`/api/users/${adminId}`, { data: { disabled: true }, headers: { origin } })
  expect(attempt.status()).toBe(403)
})
