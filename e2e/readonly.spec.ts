import { addOrganization, createInvitation, organizationOption } from './support/adminArea.js'
import { readText, statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

test('a member of an organisation that does not draft reads the statement live but cannot edit it', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const drafting = { name: `Drafting Coalition ${suffix}`, shortName: `DC-${suffix}` }
  const reading = { name: `Reading Circle ${suffix}`, shortName: `RC-${suffix}` }
  const title = `Statement on alternatives to detention ${suffix}`
  const drafterText = 'Drafters write this paragraph'
  const readerAttempt = 'Reader tries to write'

  await addOrganization(adminPage, drafting)
  await addOrganization(adminPage, reading)
  const drafterLink = await createInvitation(adminPage, { email: `drafter-${suffix}@dc.e2e.test`, organization: drafting })
  const readerLink = await createInvitation(adminPage, { email: `reader-${suffix}@rc.e2e.test`, organization: reading })
  await createStatement(adminPage, {
    title,
    visibility: 'All members can read',
    draftingOrganizations: [organizationOption(drafting)],
  })
  await adminPage.goto('/')

  const drafterPage = await joinAs(drafterLink, 'Dalia Drafter')
  const readerPage = await joinAs(readerLink, 'Rafael Reader')

  // The list already tells the reader what to expect.
  await openStatementFromList(readerPage, title)
  const readerEditor = statementEditor(readerPage)
  await waitUntilConnected(readerPage)
  await expect(readerEditor.readOnlyBadge).toBeVisible()
  await expect(readerEditor.readOnlyBadge).toHaveText('Read only')
  await expect(readerEditor.text).toHaveAttribute('contenteditable', 'false')
  await expect(readerPage.getByRole('button', { name: 'Settings' })).toHaveCount(0)

  await openStatementFromList(drafterPage, title)
  const drafterEditor = statementEditor(drafterPage)
  await waitUntilConnected(drafterPage)
  await expect(drafterEditor.readOnlyBadge).toHaveCount(0)
  await expect(drafterEditor.text).toHaveAttribute('contenteditable', 'true')

  await typeParagraphAtEnd(drafterPage, drafterText)
  await expect.poll(() => readText(readerEditor.text)).toBe(drafterText)
  await expect(readerEditor.wordCount).toHaveAttribute('data-words', '4')
  // The reader is present and sees the drafter's caret; the drafter sees the reader in the presence list.
  await expect(readerEditor.remoteCaretLabels).toHaveText([`Dalia Drafter · ${drafting.shortName}`])
  await expect(drafterEditor.presentUsers).toHaveCount(2)
  await expect(drafterEditor.presence).toContainText(`Rafael Reader · ${reading.shortName}`)

  // Typing into a read-only editor changes nothing, locally or for the drafter.
  await readerEditor.text.click()
  await readerPage.keyboard.type(readerAttempt)
  expect(await readText(readerEditor.text)).toBe(drafterText)
  await readerPage.screenshot({ path: testInfo.outputPath('reader-read-only.png'), fullPage: true })
  // A second drafter edit that reaches the reader proves the connection is live after the attempt.
  await typeParagraphAtEnd(drafterPage, 'And then some more')
  await expect.poll(() => readText(readerEditor.text)).toBe(`${drafterText}\nAnd then some more`)
  expect(await readText(drafterEditor.text)).toBe(`${drafterText}\nAnd then some more`)
})
