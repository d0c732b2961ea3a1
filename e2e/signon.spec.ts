import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { addOrganization, organizationOption, type OrganizationInput } from './support/adminArea.js'
import { typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { lockFinalText } from './support/lifecycle.js'
import { serverFingerprint, serverText } from './support/serverStatement.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'
import type { Page } from '@playwright/test'

/** An invitation for a member who may sign on behalf of their organisation. */
async function inviteSignatory(page: Page, email: string, organization: OrganizationInput): Promise<string> {
  await page.goto('/admin?tab=invitations')
  const form = page.getByRole('form', { name: 'Invite someone' })
  await form.getByLabel('E-mail', { exact: true }).fill(email)
  await form.getByLabel('Organisation', { exact: true }).selectOption({ label: organizationOption(organization) })
  await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' })
  await form.getByLabel('May sign on behalf of the organisation').check()
  await form.getByRole('button', { name: 'Create invitation' }).click()
  const link = page.getByTestId('invitation-url')
  await expect(link).toHaveValue(/\/invite\/[^/]+$/)
  return link.inputValue()
}

test('a member signs; an outside organisation signs through the link; the coordinator approves it and downloads the CSV', async ({ adminPage, joinAs, browser }, testInfo) => {
  const suffix = uniqueSuffix()
  const member: OrganizationInput = { name: `Penal Reform Network ${suffix}`, shortName: `PRN-${suffix}` }
  const outside = `Fundación Justicia ${suffix}`
  const memberEmail = `lena-${suffix}@prn.e2e.test`
  const title = `Joint statement on prison conditions ${suffix}`
  const text = 'We urge States to apply the Nelson Mandela Rules'

  await addOrganization(adminPage, member)
  const invitation = await inviteSignatory(adminPage, memberEmail, member)
  const statementId = await createStatement(adminPage, { title })
  await waitUntilConnected(adminPage)
  await typeParagraphAtEnd(adminPage, text)
  await expect.poll(() => serverText(adminPage, statementId)).toBe(text)
  await lockFinalText(adminPage)
  const { fingerprint } = await serverFingerprint(adminPage, statementId)

  // The member signs for their organisation.
  const memberPage = await joinAs(invitation, 'Lena Ortiz')
  await openStatementFromList(memberPage, title)
  const panel = memberPage.getByTestId('endorsements')
  await expect(panel.getByLabel('Signatory name')).toHaveValue('Lena Ortiz')
  await panel.getByLabel('Signatory title').fill('Director')
  await panel.getByRole('button', { name: 'Endorse', exact: true }).click()
  await expect(panel.getByTestId('my-endorsement')).toContainText(member.name)

  // The coordinator creates a sign-on link for organisations outside the alliance.
  const adminPanel = adminPage.getByTestId('endorsements')
  await adminPanel.getByRole('button', { name: 'Create sign-on link' }).click()
  const signonUrl = await adminPanel.getByTestId('signon-url').inputValue()
  expect(signonUrl).toMatch(/\/signon\/[\w-]{40,}$/)

  // Someone without an account opens it, reads the locked text, and signs.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await visitor.goto(signonUrl)
  await expect(visitor.getByTestId('signon-text')).toContainText(text)
  await expect(visitor.getByText(fingerprint)).toBeVisible()
  await expect(visitor.locator('body')).not.toContainText(member.name)
  await visitor.getByLabel('Organisation name').fill(outside)
  await visitor.getByLabel('Country').fill('Chile')
  await visitor.getByLabel('ECOSOC status').selectOption({ label: 'Special' })
  await visitor.getByLabel('Contact name').fill('Rosa Díaz')
  await visitor.getByLabel('E-mail').fill(`rosa-${suffix}@fundacion.e2e.test`)
  await visitor.getByLabel('I confirm that my organisation endorses this text').check()
  await visitor.getByRole('button', { name: 'Sign on' }).click()
  await expect(visitor.getByTestId('signon-thanks')).toBeVisible()
  await expect(visitor.locator('body')).not.toContainText(member.name)
  await visitor.screenshot({ path: testInfo.outputPath('1-visitor-thanks.png'), fullPage: true })
  await visitorContext.close()

  // The coordinator approves the outside organisation.
  await adminPage.reload()
  const pendingItem = adminPage.getByTestId('endorsement-item').filter({ hasText: outside })
  await expect(pendingItem).toHaveAttribute('data-status', 'pending')
  await adminPage.getByRole('button', { name: `Approve ${outside}` }).click()
  await expect(adminPage.getByTestId('endorsement-item').filter({ hasText: outside })).toHaveAttribute('data-status', 'approved')
  await adminPage.screenshot({ path: testInfo.outputPath('2-coordinator-approved.png'), fullPage: true })

  // …and downloads the sign-off list as CSV, with contact details.
  await adminPanel.getByLabel('Format').selectOption('csv')
  const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPanel.getByTestId('signoff-download').click()])
  const csv = await readFile(await download.path())
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const content = csv.toString('utf8').slice(1)
  expect(content).toContain(fingerprint)
  const rows: string[][] = parse(content, { relax_column_count: true })
  const cells = rows.flat()
  expect(cells).toContain(member.name)
  expect(cells).toContain(outside)
  expect(cells).toContain(memberEmail)
})
