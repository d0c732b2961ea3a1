import { createHash } from 'node:crypto'
import { addOrganization, createInvitation } from './support/adminArea.js'
import { readText, statementEditor, typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { historyPanel, openHistory } from './support/history.js'
import { lockFinalText, unlockWithReason } from './support/lifecycle.js'
import { expectNotReloaded, markWindow } from './support/reload.js'
import { serverFingerprint, serverText, serverVersions } from './support/serverStatement.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

test('the coordinator locks; the other person’s editor turns read-only without a reload; unlock with a reason brings editing back', async ({ adminPage, joinAs }, testInfo) => {
  const suffix = uniqueSuffix()
  const coalition = { name: `Fair Trials Coalition ${suffix}`, shortName: `FTC-${suffix}` }
  const title = `Statement on pre-trial detention ${suffix}`
  const draft = 'We call for limits on pre-trial detention'
  const lockedAttempt = 'Typed while locked'
  const afterUnlock = 'Added after the unlock'
  const reason = `FTC asked to add a paragraph on bail ${suffix}`

  await addOrganization(adminPage, coalition)
  const memberLink = await createInvitation(adminPage, { email: `mei-${suffix}@ftc.e2e.test`, organization: coalition })
  // The administrator stays on the statement page: admins, like coordinators, lock and unlock from there.
  const statementId = await createStatement(adminPage, { title })
  const adminEditor = statementEditor(adminPage)
  await waitUntilConnected(adminPage)

  const memberPage = await joinAs(memberLink, 'Mei Lin')
  await openStatementFromList(memberPage, title)
  const memberEditor = statementEditor(memberPage)
  await waitUntilConnected(memberPage)
  await expect(memberEditor.text).toHaveAttribute('contenteditable', 'true')
  // Members see the lock's outcome, never its buttons.
  await expect(memberPage.getByRole('button', { name: 'Lock final text' })).toHaveCount(0)

  await typeParagraphAtEnd(memberPage, draft)
  await expect.poll(() => readText(adminEditor.text)).toBe(draft)
  // The lock records the server's text: it must hold every keystroke first.
  await expect.poll(() => serverText(adminPage, statementId)).toBe(draft)
  const memberUrl = memberPage.url()
  await markWindow(memberPage)

  await lockFinalText(adminPage)

  // The member's page follows the lock live.
  await expect(memberEditor.readOnlyBadge).toBeVisible()
  await expect(memberEditor.text).toHaveAttribute('contenteditable', 'false')
  await expect(memberPage.getByTestId('statement-status')).toHaveText('Final text locked')
  const memberBanner = memberPage.getByTestId('lock-banner')
  await expect(memberBanner).toHaveAttribute('data-status', 'locked')
  await expect(memberBanner).toContainText('Final text locked by Administrator on')
  const memberFingerprint = memberBanner.getByTestId('fingerprint')
  await expect(memberFingerprint).toHaveText(/^sha256:[0-9a-f]{64}$/)
  const fingerprint = (await memberFingerprint.textContent()) ?? ''
  await expectNotReloaded(memberPage, memberUrl)

  // It is the server's fingerprint of the locked text, and anyone can recompute it from the canonical text.
  const answer = await serverFingerprint(memberPage, statementId)
  expect(answer).toMatchObject({ fingerprint, lockedFingerprint: fingerprint, status: 'locked' })
  const canonical = await serverText(memberPage, statementId)
  expect(canonical).toBe(draft)
  expect(`sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`).toBe(fingerprint)
  const [finalVersion] = await serverVersions(memberPage, statementId)
  expect(finalVersion).toMatchObject({ kind: 'final', fingerprint })
  const finalNumber = finalVersion?.number ?? Number.NaN
  await expect(memberBanner).toContainText(`Version ${finalNumber}.`)

  // Everyone is read-only, the coordinator too, and both see the same fingerprint.
  await expect(adminEditor.readOnlyBadge).toBeVisible()
  await expect(adminEditor.text).toHaveAttribute('contenteditable', 'false')
  await expect(adminPage.getByTestId('lock-banner').getByTestId('fingerprint')).toHaveText(fingerprint)

  // Typing into the locked editor changes nothing: not locally, not for the coordinator, not on the server.
  await memberEditor.text.click()
  await memberPage.keyboard.type(lockedAttempt)
  expect(await readText(memberEditor.text)).toBe(draft)
  expect(await readText(adminEditor.text)).toBe(draft)
  expect(await serverText(adminPage, statementId)).toBe(draft)
  expect((await serverFingerprint(adminPage, statementId)).fingerprint).toBe(fingerprint)
  await memberPage.screenshot({ path: testInfo.outputPath('1-member-locked.png'), fullPage: true })

  // The coordinator unlocks with a reason; the member can edit again, still without a reload.
  await unlockWithReason(adminPage, reason)
  const notice = memberPage.getByTestId('unlock-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Administrator unlocked the final text on')
  await expect(notice).toContainText(`Reason: ${reason}`)
  await expect(memberEditor.readOnlyBadge).toHaveCount(0)
  await expect(memberEditor.text).toHaveAttribute('contenteditable', 'true')
  await expect(memberBanner).toHaveCount(0)
  await expect(memberPage.getByTestId('statement-status')).toHaveText('Drafting')
  await expectNotReloaded(memberPage, memberUrl)

  // What the member types now reaches the coordinator; the attempt made while locked is nowhere.
  await typeParagraphAtEnd(memberPage, afterUnlock)
  const unlockedText = `${draft}\n${afterUnlock}`
  await expect.poll(() => readText(adminEditor.text)).toBe(unlockedText)
  await expect.poll(() => serverText(adminPage, statementId)).toBe(unlockedText)
  expect(await readText(memberEditor.text)).toBe(unlockedText)
  await memberPage.screenshot({ path: testInfo.outputPath('2-member-unlocked.png'), fullPage: true })

  // Activity, newest first, for everyone who can read the statement: the unlock with its reason, then the lock.
  await openHistory(memberPage, 'Activity')
  const { auditEntries } = historyPanel(memberPage)
  await expect(auditEntries.first()).toHaveAttribute('data-action', 'unlocked')
  await expect(auditEntries.first()).toContainText(`Administrator unlocked the text: “${reason}”`)
  await expect(auditEntries.nth(1)).toHaveAttribute('data-action', 'locked')
  await expect(auditEntries.nth(1)).toContainText(`Administrator locked the final text (v${finalNumber}, ${fingerprint.slice(0, 'sha256:'.length + 12)}…)`)
  await memberPage.screenshot({ path: testInfo.outputPath('3-member-activity.png'), fullPage: true })
})
