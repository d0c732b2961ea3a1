import { addOrganization, createInvitation } from './support/adminArea.js'
import { readText, statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

test('an admin invites two people from two organisations; both sign in in separate browser contexts, open the same statement, type, and see each other’s text and carets; a reload keeps the text', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const penalReform = { name: `Penal Reform Network ${suffix}`, shortName: `PRN-${suffix}` }
  const justiceWatch = { name: `Justice Watch ${suffix}`, shortName: `JW-${suffix}` }
  const amina = { name: 'Amina Diallo', email: `amina-${suffix}@prn.e2e.test`, organization: penalReform }
  const bruno = { name: 'Bruno Costa', email: `bruno-${suffix}@jw.e2e.test`, organization: justiceWatch }
  const title = `Joint statement on prison conditions ${suffix}`
  // Words only (no punctuation) so the expected count is plain to read: 5 + 5.
  const aminaText = `Alpha words typed by Amina`
  const brunoText = `Bravo words typed by Bruno`

  // The administrator sets up the alliance through the admin area.
  await addOrganization(adminPage, penalReform)
  await addOrganization(adminPage, justiceWatch)
  const aminaLink = await createInvitation(adminPage, { email: amina.email, organization: penalReform })
  const brunoLink = await createInvitation(adminPage, { email: bruno.email, organization: justiceWatch })
  expect(aminaLink).not.toBe(brunoLink)
  await adminPage.screenshot({ path: testInfo.outputPath('1-admin-invitation.png'), fullPage: true })
  await createStatement(adminPage, { title })
  // The administrator leaves, so the presence list holds exactly the two drafters.
  await adminPage.goto('/')

  // Each person accepts their invitation in their own browser context.
  const aminaPage = await joinAs(aminaLink, amina.name)
  const brunoPage = await joinAs(brunoLink, bruno.name)
  await openStatementFromList(aminaPage, title)
  await openStatementFromList(brunoPage, title)
  const aminaEditor = statementEditor(aminaPage)
  const brunoEditor = statementEditor(brunoPage)
  await waitUntilConnected(aminaPage)
  await waitUntilConnected(brunoPage)
  await expect(aminaEditor.text).toHaveAttribute('contenteditable', 'true')
  await expect(aminaEditor.wordCount).toHaveAttribute('data-words', '0')

  await typeParagraphAtEnd(aminaPage, aminaText)
  await expect(aminaEditor.wordCount).toHaveAttribute('data-words', '5')
  await expect(aminaEditor.wordCount).toHaveText('5 words')
  await expect.poll(() => readText(brunoEditor.text)).toBe(aminaText)
  await expect(brunoEditor.wordCount).toHaveAttribute('data-words', '5')

  await typeParagraphAtEnd(brunoPage, brunoText)
  const bothTexts = `${aminaText}\n${brunoText}`
  await expect.poll(() => readText(aminaEditor.text)).toBe(bothTexts)
  await expect.poll(() => readText(brunoEditor.text)).toBe(bothTexts)
  for (const editor of [aminaEditor, brunoEditor]) {
    await expect(editor.wordCount).toHaveAttribute('data-words', '10')
    await expect(editor.wordCount).toHaveText('10 words')
  }

  // Each sees the other's caret, labelled "Name · Organisation", and not their own.
  await expect(aminaEditor.remoteCaretLabels).toHaveText([`${bruno.name} · ${justiceWatch.shortName}`])
  await expect(aminaEditor.remoteCaretLabels.first()).toBeVisible()
  await expect(brunoEditor.remoteCaretLabels).toHaveText([`${amina.name} · ${penalReform.shortName}`])
  await expect(brunoEditor.remoteCaretLabels.first()).toBeVisible()

  for (const editor of [aminaEditor, brunoEditor]) {
    await expect(editor.presentUsers).toHaveCount(2)
    await expect(editor.presence).toContainText(`${amina.name} · ${penalReform.shortName}`)
    await expect(editor.presence).toContainText(`${bruno.name} · ${justiceWatch.shortName}`)
    await expect(editor.presence).toContainText('(you)')
    await expect(editor.connection).toHaveAttribute('data-status', 'connected')
  }
  await aminaPage.screenshot({ path: testInfo.outputPath('2-amina-sees-bruno.png'), fullPage: true })
  await brunoPage.screenshot({ path: testInfo.outputPath('3-bruno-sees-amina.png'), fullPage: true })

  // A reload loads the text back from the server.
  await brunoPage.reload()
  await waitUntilConnected(brunoPage)
  await expect.poll(() => readText(brunoEditor.text)).toBe(bothTexts)
  await expect(brunoEditor.wordCount).toHaveAttribute('data-words', '10')
  await expect(brunoEditor.presentUsers).toHaveCount(2)
  await brunoPage.screenshot({ path: testInfo.outputPath('4-bruno-after-reload.png'), fullPage: true })
})
