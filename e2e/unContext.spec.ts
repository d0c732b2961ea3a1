import { addOrganization, createInvitation } from './support/adminArea.js'
import { statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

/** `YYYY-MM-DD`, `days` after today (UTC, as the server decides what is upcoming). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

/** `count` distinct words, so the editor's count is exactly `count`. */
function words(count: number, from = 0): string {
  return Array.from({ length: count }, (_, index) => `word${from + index}`).join(' ')
}

test('a statement attached to a meeting is listed under it on the dashboard, and its limit meter turns amber, then red, for everyone editing', async ({ adminPage, joinAs }, testInfo) => {
  // Three people, two editors and some fifty typed words: past the default two minutes on a loaded two-core machine.
  test.slow()
  const suffix = uniqueSuffix()
  const alliance = { name: `Penal Reform Alliance ${suffix}`, shortName: `PRA-${suffix}` }
  const meetingName = `35th session ${suffix}`
  const title = `Oral statement on prison overcrowding ${suffix}`

  await addOrganization(adminPage, alliance)
  const coordinatorLink = await createInvitation(adminPage, { email: `coordinator-${suffix}@pra.e2e.test`, organization: alliance, role: 'Coordinator' })
  const drafterLink = await createInvitation(adminPage, { email: `drafter-${suffix}@pra.e2e.test`, organization: alliance })
  const coordinator = await joinAs(coordinatorLink, 'Cora Coordinator')

  // The coordinator adds a meeting of a seeded forum, two months ahead, and an agenda item to it.
  await coordinator.goto('/admin?tab=meetings')
  const meetingForm = coordinator.getByRole('form', { name: 'Add a meeting' })
  await meetingForm.getByLabel('Forum', { exact: true }).selectOption({ label: 'CCPCJ — Commission on Crime Prevention and Criminal Justice' })
  await meetingForm.getByLabel('Meeting name').fill(meetingName)
  await meetingForm.getByLabel('First day').fill(dayFromNow(60))
  await meetingForm.getByLabel('Last day').fill(dayFromNow(64))
  await meetingForm.getByLabel('Venue').fill('Vienna')
  await meetingForm.getByRole('button', { name: 'Add meeting' }).click()
  await expect(meetingForm.getByRole('status')).toHaveText(`${meetingName} was added. Add its agenda items below.`)
  const meetingCard = coordinator.getByTestId('admin-meeting').filter({ hasText: meetingName })
  await meetingCard.getByRole('button', { name: `Agenda of ${meetingName}` }).click()
  const agendaForm = meetingCard.getByRole('form', { name: `Add an agenda item to ${meetingName}` })
  await agendaForm.getByLabel('Number').fill('5')
  await agendaForm.getByLabel('Agenda item title').fill('Criminal justice reform')
  await agendaForm.getByRole('button', { name: 'Add agenda item' }).click()
  await expect(meetingCard.getByRole('list', { name: `Agenda of ${meetingName}` })).toContainText('5. Criminal justice reform')

  // Before any statement, the meeting is on the dashboard with the coordinator's next step.
  await coordinator.goto('/')
  const dashboardMeeting = coordinator.getByTestId('dashboard-meeting').filter({ hasText: meetingName })
  await expect(dashboardMeeting).toContainText('No statements for this meeting yet.')
  await expect(dashboardMeeting).toContainText('Vienna')

  // "Start a statement for …" opens the form with the meeting chosen and the CCPCJ presets applied.
  await dashboardMeeting.getByRole('link', { name: `Start a statement for ${meetingName}` }).click()
  const form = coordinator.getByRole('region', { name: 'New statement' })
  await form.getByLabel('Title', { exact: true }).fill(title)
  await expect(form.getByLabel('Meeting', { exact: true }).locator('option:checked')).toContainText(meetingName)
  await expect(form.getByLabel('Speaking-time limit (seconds)')).toHaveValue('180')
  await expect(form.getByLabel('Words per minute')).toHaveValue('100')
  await expect(form.getByLabel('Deadline')).not.toHaveValue('')
  await form.getByLabel('Agenda item', { exact: true }).selectOption({ label: '5. Criminal justice reform' })
  await expect(form.getByTestId('preset-note')).toHaveText('Limits and deadline filled in from the CCPCJ presets; you can change each of them.')
  // The coordinator adjusts one figure: a word limit small enough to pass while typing.
  await form.getByLabel('Word limit').fill('20')
  await form.getByRole('button', { name: 'Create statement' }).click()
  await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(coordinator.getByTestId('statement-meeting')).toContainText(`CCPCJ · ${meetingName}`)
  await expect(coordinator.getByTestId('statement-agenda-item')).toContainText('5. Criminal justice reform')
  const statementUrl = coordinator.url()

  // The dashboard lists it under its meeting, with its status, deadline, meter and endorsements.
  await coordinator.goto('/')
  const listed = dashboardMeeting.getByTestId('dashboard-statement').filter({ hasText: title })
  await expect(listed).toBeVisible()
  await expect(listed).toContainText('Item 5 ·')
  await expect(listed).toContainText('Drafting')
  await expect(listed.getByTestId('deadline-countdown')).toContainText(/Deadline in \d+ days/)
  await expect(listed.getByTestId('endorsement-count')).toHaveText('0 endorsements')
  await expect(listed.getByTestId('limit-meter')).toHaveAttribute('data-level', 'ok')
  await expect(listed.getByTestId('word-count')).toHaveText('0 / 20 words')
  await coordinator.screenshot({ path: testInfo.outputPath('1-dashboard.png'), fullPage: true })

  // A drafter writes; the coordinator has the statement open too.
  await coordinator.goto(statementUrl)
  await waitUntilConnected(coordinator)
  const drafter = await joinAs(drafterLink, 'Dario Drafter')
  await drafter.goto(statementUrl)
  await waitUntilConnected(drafter)
  const drafterEditor = statementEditor(drafter)
  const drafterMeter = drafter.getByTestId('limit-meter')
  const coordinatorMeter = coordinator.getByTestId('limit-meter')
  await expect(drafterMeter).toHaveAttribute('data-level', 'ok')

  // 18 of 20 words is 90 %: amber, said in words.
  await typeParagraphAtEnd(drafter, words(18))
  await expect(drafterEditor.wordCount).toHaveText('18 / 20 words — near the limit, 2 left')
  await expect(drafterMeter).toHaveAttribute('data-level', 'near')
  await expect(drafterEditor.wordCount.getByRole('meter', { name: 'Words' })).toHaveAttribute('aria-valuenow', '18')
  await expect(coordinatorMeter).toHaveAttribute('data-level', 'near')

  // Past the limit: red, and how far over.
  await drafter.keyboard.type(` ${words(7, 18)}`)
  await expect(drafterEditor.wordCount).toHaveText('25 / 20 words — 5 over the limit')
  await expect(drafterMeter).toHaveAttribute('data-level', 'over')
  await expect(drafterEditor.wordCount).toHaveAttribute('data-level', 'over')
  await expect(drafterEditor.wordCount.getByRole('meter', { name: 'Words' })).toHaveAttribute('aria-valuetext', '25 / 20 words — 5 over the limit')
  // The coordinator's editor reads the same shared document.
  await expect(statementEditor(coordinator).wordCount).toHaveText('25 / 20 words — 5 over the limit')
  await expect(coordinatorMeter).toHaveAttribute('data-level', 'over')
  await drafter.screenshot({ path: testInfo.outputPath('2-meter-over.png') })

  // The dashboard's compact meter follows the server's live count.
  await expect(async () => {
    await coordinator.goto('/')
    await expect(listed.getByTestId('limit-meter')).toHaveAttribute('data-level', 'over', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(listed.getByTestId('word-count')).toHaveText('25 / 20 words — 5 over the limit')

  // The rehearsal view, from the statement page: the text large, a countdown from the CCPCJ's three minutes.
  await drafter.getByRole('link', { name: 'Rehearse' }).click()
  await expect(drafter.getByRole('heading', { level: 1, name: `Rehearse: ${title}` })).toBeVisible()
  await expect(drafter.getByTestId('rehearsal-text')).toContainText('word24')
  const timer = drafter.getByTestId('rehearsal-timer')
  await expect(timer.getByRole('timer')).toHaveText('3:00')
  await timer.getByRole('button', { name: 'Start' }).click()
  await expect(timer).toHaveAttribute('data-running', 'true')
  await expect(timer.getByRole('timer')).not.toHaveText('3:00')
  await timer.getByRole('button', { name: 'Pause' }).click()
  await expect(timer).toHaveAttribute('data-running', 'false')
  await timer.getByRole('button', { name: 'Reset' }).click()
  await expect(timer.getByRole('timer')).toHaveText('3:00')
})

test('the rehearsal view follows the drafting live, and its countdown keeps its time through the edits', async ({ adminPage, joinAs }, testInfo) => {
  // Two people and three typed paragraphs, each awaited in another browser context.
  test.slow()
  const suffix = uniqueSuffix()
  const readers = { name: `Rehearsal Readers ${suffix}`, shortName: `RR-${suffix}` }
  await addOrganization(adminPage, readers)
  const readerLink = await createInvitation(adminPage, { email: `reader-${suffix}@rr.e2e.test`, organization: readers })
  // All members can read it, and it has no speaking limit: the countdown runs from the estimated time,
  // at the form's default of 120 words per minute (12 words, 6 seconds).
  const statementId = await createStatement(adminPage, { title: `Statement to rehearse ${suffix}` })
  await waitUntilConnected(adminPage)
  await typeParagraphAtEnd(adminPage, words(12))
  await expect(statementEditor(adminPage).wordCount).toContainText('12 words')

  // A member of another organisation, who can only read it, opens the rehearsal view.
  const reader = await joinAs(readerLink, 'Rita Reader')
  await reader.goto(`/statements/${statementId}/rehearse`)
  const text = reader.getByTestId('rehearsal-text')
  const timer = reader.getByTestId('rehearsal-timer')
  const clock = timer.getByRole('timer')
  await expect(reader.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })
  await expect(text).toContainText('word11')
  await expect(clock).toHaveText('0:06')

  // The drafter adds a paragraph; it appears in the open view, and the countdown nobody started follows the text.
  await typeParagraphAtEnd(adminPage, words(10, 12))
  await expect(text.locator('p').last()).toHaveText(words(10, 12), { timeout: 20_000 })
  await expect(reader.getByTestId('rehearsal-estimate')).toContainText('22 words, about 0:11')
  await expect(clock).toHaveText('0:11')

  // Once started, the countdown keeps its time while the text changes, and says what Reset would take.
  await timer.getByRole('button', { name: 'Start' }).click()
  await expect(timer).toHaveAttribute('data-running', 'true')
  await typeParagraphAtEnd(adminPage, words(10, 22))
  await expect(text.locator('p').last()).toHaveText(words(10, 22), { timeout: 20_000 })
  await expect(text.locator('p')).toHaveCount(3)
  await expect(timer).toHaveAttribute('data-running', 'true')
  await expect(timer).toContainText('Estimated time (no speaking limit set): 0:11')
  await expect(timer).toContainText('Now 0:16: Reset to count down from it.')
  await reader.screenshot({ path: testInfo.outputPath('rehearsal-live.png') })
  await timer.getByRole('button', { name: 'Reset' }).click()
  await expect(clock).toHaveText('0:16')
  await expect(timer).not.toContainText('Reset to count down from it')

  // The view only reads: it is nobody's presence in the editor, and the text was never touched by it.
  await expect(statementEditor(adminPage).presentUsers).toHaveCount(1)
  await expect(statementEditor(adminPage).wordCount).toContainText('32 words')
})
