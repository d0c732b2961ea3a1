import { addOrganization, createInvitation } from './support/adminArea.js'
import { readText, selectInFirstParagraph, statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { historyPanel, openHistory, saveNamedVersion } from './support/history.js'
import { expectNotReloaded, markWindow } from './support/reload.js'
import { serverText, serverVersions } from './support/serverStatement.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

test('the compare view shows an insertion and a deletion; restoring a version changes the text in another person’s open editor', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const alliance = { name: `Victim Support Alliance ${suffix}`, shortName: `VSA-${suffix}` }
  const title = `Statement on victims of trafficking ${suffix}`
  const versionLabel = `Circulated to members ${suffix}`
  // One paragraph, words only: the diff below is then exactly one replaced word and three added ones.
  const original = 'States must protect victims of trafficking'
  const changed = 'States must support victims of trafficking and their families'

  await addOrganization(adminPage, alliance)
  const anaLink = await createInvitation(adminPage, { email: `ana-${suffix}@vsa.e2e.test`, organization: alliance })
  const benLink = await createInvitation(adminPage, { email: `ben-${suffix}@vsa.e2e.test`, organization: alliance })
  // All members can read and, with no drafting organisations listed, every member drafts.
  const statementId = await createStatement(adminPage, { title })
  await adminPage.goto('/')

  const anaPage = await joinAs(anaLink, 'Ana Ortega')
  const benPage = await joinAs(benLink, 'Ben Okafor')
  await openStatementFromList(anaPage, title)
  await openStatementFromList(benPage, title)
  const anaEditor = statementEditor(anaPage)
  const benEditor = statementEditor(benPage)
  await waitUntilConnected(anaPage)
  await waitUntilConnected(benPage)
  await expect(anaEditor.text).toHaveAttribute('contenteditable', 'true')

  // Ana writes the first text; the server must hold it before a version of it can be saved.
  await typeParagraphAtEnd(anaPage, original)
  await expect.poll(() => readText(benEditor.text)).toBe(original)
  await expect.poll(() => serverText(anaPage, statementId)).toBe(original)
  const named = await saveNamedVersion(anaPage, versionLabel)
  const anaHistory = historyPanel(anaPage)
  await expect(anaHistory.version(named)).toContainText(`v${named} ${versionLabel}`)
  await expect(anaHistory.version(named)).toContainText('Saved by Ana Ortega')

  // Then she changes a word in the middle and adds words at the end.
  await selectInFirstParagraph(anaPage, 'protect')
  await anaPage.keyboard.type('support')
  await anaPage.keyboard.press('ControlOrMeta+End')
  await anaPage.keyboard.type(' and their families')
  await expect.poll(() => readText(anaEditor.text)).toBe(changed)
  await expect.poll(() => readText(benEditor.text)).toBe(changed)
  // "Compare with current" diffs against the server's text: wait until it has every keystroke.
  await expect.poll(() => serverText(anaPage, statementId)).toBe(changed)

  await anaHistory.version(named).getByRole('button', { name: /^Compare with current/ }).click()
  const compare = anaPage.getByTestId('compare-dialog')
  await expect(compare.getByRole('heading', { name: `Changes from Version ${named} · ${versionLabel} to the current text` })).toBeVisible()
  const diff = compare.getByTestId('diff-view')
  await expect(diff.getByTestId('diff-stats')).toHaveText('+4 words, \u22121 word')
  // Each change carries visually hidden words for screen readers, so they are part of the text.
  await expect(diff.locator('del')).toHaveText(['[deleted: protect]'])
  await expect(diff.locator('ins')).toHaveText(['[inserted: support]', '[inserted: and their families]'])
  await expect(diff.locator('del').first()).toBeVisible()
  await expect(diff.locator('ins').first()).toBeVisible()
  await anaPage.screenshot({ path: testInfo.outputPath('1-compare-with-current.png'), fullPage: true })
  await compare.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(compare).toHaveCount(0)

  // Ana restores the named version; Ben's open editor follows without a reload.
  const benUrl = benPage.url()
  await markWindow(benPage)
  await anaHistory.version(named).getByRole('button', { name: `Restore version ${named}`, exact: true }).click()
  const restoreDialog = anaPage.getByTestId('restore-dialog')
  await expect(restoreDialog.getByRole('heading', { name: `Restore version ${named}?` })).toBeVisible()
  await restoreDialog.getByRole('button', { name: `Restore version ${named}`, exact: true }).click()
  await expect(restoreDialog).toHaveCount(0)
  const restored = named + 1
  await expect(anaHistory.panel.getByRole('status').filter({ hasText: 'restored' })).toHaveText(
    `Version ${named} restored: the text is now version ${restored}.`,
  )

  await expect.poll(() => readText(benEditor.text)).toBe(original)
  await expect.poll(() => readText(anaEditor.text)).toBe(original)
  await expect(benEditor.wordCount).toHaveAttribute('data-words', '6')
  await expect(benEditor.connection).toHaveAttribute('data-status', 'connected')
  await expectNotReloaded(benPage, benUrl)
  expect(await serverText(benPage, statementId)).toBe(original)

  // The restore is a new version on top, for Ana (whose list reloads) and for Ben when he opens the history.
  await expect(anaHistory.versionItems.first()).toHaveAttribute('data-version-number', String(restored))
  await expect(anaHistory.versionItems.first()).toContainText(`v${restored} Restored from v${named}`)
  await openHistory(benPage, 'Versions')
  const benHistory = historyPanel(benPage)
  await expect(benHistory.versionItems.first()).toHaveAttribute('data-version-number', String(restored))
  await expect(benHistory.versionItems.first()).toContainText(`Restored from v${named}`)
  await expect(benHistory.versionItems.first()).toContainText('Saved by Ana Ortega')
  await anaPage.screenshot({ path: testInfo.outputPath('2-ana-after-restore.png'), fullPage: true })
  await benPage.screenshot({ path: testInfo.outputPath('3-ben-after-restore.png'), fullPage: true })

  // The restored text is exactly the named version's: same fingerprint.
  const versions = await serverVersions(benPage, statementId)
  const [newest] = versions
  const source = versions.find((version) => version.number === named)
  expect(newest).toMatchObject({ number: restored, kind: 'restore', label: `Restored from v${named}` })
  expect(newest?.fingerprint).toBe(source?.fingerprint)
})
