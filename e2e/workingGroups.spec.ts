import type { Locator, Page } from '@playwright/test'
import { addOrganization, createInvitation, organizationOption } from './support/adminArea.js'
import { statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement, searchStatements } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

/** `YYYY-MM-DD`, `days` after today (UTC, as the server decides what is upcoming). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

/** Chooses the option whose text contains `text`: meeting options also carry the forum and the dates. */
async function selectOptionContaining(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).getAttribute('value')
  if (value === null) throw new Error(`No option contains "${text}"`)
  await select.selectOption(value)
}

/** "New statement" on the statements list, its form open. */
async function openNewStatementForm(page: Page) {
  await page.goto('/statements')
  await page.getByRole('button', { name: 'New statement' }).click()
  return page.getByRole('region', { name: 'New statement' })
}

function statementIdFrom(page: Page): string {
  const match = /\/statements\/([^/?#]+)$/.exec(new URL(page.url()).pathname)
  if (!match?.[1]) throw new Error(`Not on a statement page: ${page.url()}`)
  return decodeURIComponent(match[1])
}

test('a statement for "the working group only" reaches its member organisations, and nobody else even sees it exists', async ({ adminPage, joinAs }, testInfo) => {
  // Four people in their own browser contexts, each page awaited in turn.
  test.slow()
  const suffix = uniqueSuffix()
  const member = { name: `Prison Monitors ${suffix}`, shortName: `PM-${suffix}` }
  const outsider = { name: `Outside Voices ${suffix}`, shortName: `OV-${suffix}` }
  const groupName = `Detention working group ${suffix}`
  const groupTitle = `Joint statement on pre-trial detention ${suffix}`
  const openTitle = `Open statement on legal aid ${suffix}`

  await addOrganization(adminPage, member)
  await addOrganization(adminPage, outsider)
  const coordinatorLink = await createInvitation(adminPage, { email: `coordinator-${suffix}@pm.e2e.test`, organization: member, role: 'Coordinator' })
  const memberLink = await createInvitation(adminPage, { email: `member-${suffix}@pm.e2e.test`, organization: member })
  const outsiderLink = await createInvitation(adminPage, { email: `outsider-${suffix}@ov.e2e.test`, organization: outsider })
  const coordinator = await joinAs(coordinatorLink, 'Carla Coordinator')

  // The coordinator creates the working group with one member organisation.
  await coordinator.goto('/admin?tab=working-groups')
  const groupForm = coordinator.getByRole('form', { name: 'Add a working group' })
  await groupForm.getByLabel('Working group name').fill(groupName)
  await groupForm.getByLabel('Member organisations').selectOption({ label: organizationOption(member) })
  await groupForm.getByRole('button', { name: 'Add working group' }).click()
  await expect(groupForm.getByRole('status')).toHaveText(`${groupName} was added.`)

  // A statement for the group only, and, for comparison, one every member can read.
  const form = await openNewStatementForm(coordinator)
  await form.getByLabel('Title', { exact: true }).fill(groupTitle)
  await form.getByLabel('Working group').selectOption({ label: groupName })
  await form.getByLabel('Visibility', { exact: true }).selectOption({ label: 'The working group only' })
  await form.getByRole('button', { name: 'Create statement' }).click()
  await expect(coordinator.getByRole('heading', { level: 1, name: groupTitle })).toBeVisible()
  await expect(coordinator.getByTestId('statement-working-group')).toContainText(groupName)
  const groupStatementId = statementIdFrom(coordinator)
  await createStatement(coordinator, { title: openTitle })

  // A member of the group's organisation finds it on the dashboard and edits it.
  const memberPage = await joinAs(memberLink, 'Mira Member')
  await memberPage.goto('/')
  const memberRow = memberPage.getByTestId('dashboard-statement').filter({ hasText: groupTitle })
  await expect(memberRow).toBeVisible()
  await expect(memberRow).toHaveAttribute('data-statement-id', groupStatementId)
  await memberRow.getByRole('link', { name: groupTitle }).click()
  await expect(memberPage.getByRole('heading', { level: 1, name: groupTitle })).toBeVisible()
  await waitUntilConnected(memberPage)
  const memberEditor = statementEditor(memberPage)
  await expect(memberEditor.readOnlyBadge).toHaveCount(0)
  await typeParagraphAtEnd(memberPage, 'The group calls for alternatives to detention')
  await expect(memberEditor.text).toContainText('The group calls for alternatives to detention')
  // The coordinator's editor receives it: the edit reached the server, not only the member's tab.
  await coordinator.goto(`/statements/${encodeURIComponent(groupStatementId)}`)
  await expect(statementEditor(coordinator).text).toContainText('The group calls for alternatives to detention', { timeout: 30_000 })

  // A member of another organisation: the open statement is there, the group's is not, anywhere.
  const outsiderPage = await joinAs(outsiderLink, 'Otto Outsider')
  await outsiderPage.goto('/')
  await expect(outsiderPage.getByTestId('dashboard-statement').filter({ hasText: openTitle })).toBeVisible()
  await expect(outsiderPage.getByTestId('dashboard-statement').filter({ hasText: groupTitle })).toHaveCount(0)
  await expect(outsiderPage.locator(`[data-statement-id="${groupStatementId}"]`)).toHaveCount(0)
  const summary = await searchStatements(outsiderPage, suffix)
  await expect(outsiderPage.getByRole('link', { name: openTitle })).toBeVisible()
  await expect(outsiderPage.getByRole('link', { name: groupTitle })).toHaveCount(0)
  await expect(summary).toHaveText(`1 statement matches “${suffix}”`)
  await outsiderPage.goto(`/statements/${encodeURIComponent(groupStatementId)}`)
  await expect(outsiderPage.getByRole('heading', { level: 1, name: 'Statement not found' })).toBeVisible()
  await expect(outsiderPage.getByText(groupTitle)).toHaveCount(0)
  await expect(outsiderPage.getByTestId('statement-editor')).toHaveCount(0)
  await outsiderPage.screenshot({ path: testInfo.outputPath('outsider-not-found.png') })
})

test("a forum's new oral preset fills in the next oral statement for one of its meetings", async ({ adminPage, joinAs }) => {
  test.slow()
  const suffix = uniqueSuffix()
  const organization = { name: `Preset Planners ${suffix}`, shortName: `PP-${suffix}` }
  // A forum of this test's own, so the seeded forums other specs count on keep their presets.
  const forum = { name: `Expert Group on Prisons ${suffix}`, shortName: `EGP-${suffix}` }
  const meetingName = `First meeting ${suffix}`

  await addOrganization(adminPage, organization)
  const coordinatorLink = await createInvitation(adminPage, { email: `coordinator-${suffix}@pp.e2e.test`, organization, role: 'Coordinator' })
  const coordinator = await joinAs(coordinatorLink, 'Pia Planner')

  await coordinator.goto('/admin?tab=forums')
  const addForum = coordinator.getByRole('form', { name: 'Add a forum' })
  await addForum.getByLabel('Name', { exact: true }).fill(forum.name)
  await addForum.getByLabel('Short name').fill(forum.shortName)
  await addForum.getByLabel('Speaking limit', { exact: true }).fill('3:00')
  await addForum.getByRole('button', { name: 'Add forum' }).click()
  await expect(addForum.getByRole('status')).toHaveText(`${forum.shortName} was added.`)

  await coordinator.goto('/admin?tab=meetings')
  const meetingForm = coordinator.getByRole('form', { name: 'Add a meeting' })
  await meetingForm.getByLabel('Forum', { exact: true }).selectOption({ label: `${forum.shortName} — ${forum.name}` })
  await meetingForm.getByLabel('Meeting name').fill(meetingName)
  await meetingForm.getByLabel('First day').fill(dayFromNow(40))
  await meetingForm.getByLabel('Last day').fill(dayFromNow(41))
  await meetingForm.getByRole('button', { name: 'Add meeting' }).click()
  await expect(meetingForm.getByRole('status')).toHaveText(`${meetingName} was added. Add its agenda items below.`)

  // The coordinator changes the forum's oral preset from 3:00 to 1:30.
  await coordinator.goto('/admin?tab=forums')
  const forumRow = coordinator.getByTestId('forum-row').filter({ hasText: forum.shortName })
  await expect(forumRow).toContainText('3:00')
  await forumRow.getByRole('button', { name: `Edit ${forum.shortName}` }).click()
  const editForum = coordinator.getByRole('form', { name: `Edit ${forum.shortName}` })
  await editForum.getByLabel('Speaking limit', { exact: true }).fill('1:30')
  await editForum.getByRole('button', { name: 'Save forum' }).click()
  await expect(editForum).toHaveCount(0)
  await expect(forumRow).toContainText('1:30')

  // A new oral statement for the forum's meeting starts with the new limit.
  const form = await openNewStatementForm(coordinator)
  await form.getByLabel('Title', { exact: true }).fill(`Oral statement ${suffix}`)
  await expect(form.getByLabel('Kind')).toHaveValue('oral')
  await selectOptionContaining(form.getByLabel('Meeting', { exact: true }), meetingName)
  await expect(form.getByLabel('Speaking-time limit (seconds)')).toHaveValue('90')
  await expect(form.getByTestId('preset-note')).toHaveText(`Limits and deadline filled in from the ${forum.shortName} presets; you can change each of them.`)
  await form.getByRole('button', { name: 'Create statement' }).click()
  await expect(coordinator.getByRole('heading', { level: 1, name: `Oral statement ${suffix}` })).toBeVisible()
  await expect(coordinator.getByTestId('speaking-time')).toContainText('1:30')
})
