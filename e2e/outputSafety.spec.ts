import type { Locator, Page } from '@playwright/test'
import { organizationOption } from './support/adminArea.js'
import { api } from './support/api.js'
import { openCollabWriter } from './support/collabWriter.js'
import { MEMBER_PASSWORD } from './support/credentials.js'
import { statementEditor, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { historyPanel, openHistory } from './support/history.js'
import { FORMULA_HEADS, hostile, MARKUP, PAYLOADS, SAFE_HREF, stored, UNSAFE_HREFS } from './support/hostileInput.js'
import { guardContext } from './support/pageGuards.js'
import { expectNotReloaded, markWindow } from './support/reload.js'
import { searchStatements } from './support/statements.js'
import { serverText } from './support/serverStatement.js'
import { uniqueSuffix } from './support/unique.js'

/**
 * Output safety in the browser (issue 6): names, titles and text full of markup
 * (e2e/support/hostileInput.ts) on every kind of page, and links to script URLs
 * forged into the document. Nothing may run (no dialog), nothing the payloads
 * would create may exist, the strings must read as text, and the client must
 * work without a single Content-Security-Policy violation.
 */

async function expectShown(scope: Locator, values: string[]): Promise<void> {
  for (const value of values) await expect(scope, `shows ${JSON.stringify(value)}`).toContainText(value)
}

/** Clicks a link of the statement text and checks that nothing happened: same window, same URL, no new page. */
async function clickAndExpectNothing(page: Page, link: Locator): Promise<void> {
  const url = page.url()
  const pages = page.context().pages().length
  await markWindow(page)
  await link.click()
  // A round trip through the page after the click: a navigation or a new tab it started would be under way by now.
  await expectNotReloaded(page, url)
  expect(page.context().pages()).toHaveLength(pages)
}

test('hostile titles, names and text are shown as text on every page, and nothing runs or breaks the CSP', async ({ adminPage, browser }, testInfo) => {
  // One flow through a dozen pages, three browser contexts and a collaboration client, on a two-core machine.
  test.setTimeout(300_000)
  const origin = new URL(adminPage.url()).origin
  const adminGuard = await guardContext(adminPage.context())
  const admin = api(adminPage.request, origin)
  const suffix = uniqueSuffix()

  const title = hostile(`Title ${suffix}`, FORMULA_HEADS[1])
  const forum = hostile('Forum', FORMULA_HEADS[2])
  const organization = { name: hostile(`Organisation ${suffix}`), shortName: `${PAYLOADS.attribute}${suffix}`, country: `${FORMULA_HEADS[3]} ${PAYLOADS.script}` }
  const memberName = hostile(`Person ${suffix}`, FORMULA_HEADS[4])
  const endorsement = { signatoryName: hostile('Signatory', FORMULA_HEADS[3]), signatoryTitle: hostile('Position'), comment: hostile('Comment', FORMULA_HEADS[5]) }
  const outside = { name: hostile(`Outside ${suffix}`, FORMULA_HEADS[2]), country: `${FORMULA_HEADS[0]} ${PAYLOADS.title}`, contactName: hostile('Contact'), comment: hostile('Outside comment', FORMULA_HEADS[1]) }
  const versionLabel = hostile('Version label')
  const firstParagraphs = [...Object.values(PAYLOADS), ...FORMULA_HEADS.map((head) => stored(`${head} in the text`))]
  const laterParagraph = `Added later ${MARKUP}`

  // Set up through the API: an organisation and a signatory for it, both named with payloads.
  const created = await admin.post('/api/organizations', { name: organization.name, shortName: organization.shortName, country: organization.country, ecosocStatus: 'special' })
  const invitation = await admin.post('/api/invitations', { email: `signer-${suffix}@hostile.e2e.test`, organizationId: created.id, role: 'member', canSign: true })
  const memberContext = await browser.newContext()
  const memberGuard = await guardContext(memberContext)
  await api(memberContext.request, origin).post(`/api/invitations/${invitation.token}/accept`, { name: memberName, password: MEMBER_PASSWORD })

  const statement = await admin.post('/api/statements', { title, forum, visibility: 'members' })
  const statementId: string = statement.id
  const statementUrl = `/statements/${encodeURIComponent(statementId)}`

  // The text through a collaboration client: payload paragraphs, a named version, then more text and forged links.
  const writer = await openCollabWriter(adminPage.context(), origin, statementId)
  try {
    for (const paragraph of firstParagraphs) writer.append([[paragraph]])
    await expect.poll(() => serverText(adminPage, statementId), { timeout: 30_000 }).toContain(firstParagraphs.at(-1))
    await admin.post(`/api/statements/${statementId}/versions`, { label: versionLabel })
    writer.append([[laterParagraph]], 'heading', { level: 2 })
    writer.append([...UNSAFE_HREFS.map((href, index) => [`Unsafe link ${index}. `, { link: { href } }] as [string, Record<string, Record<string, unknown>>]), ['Safe link.', { link: { href: SAFE_HREF } }]])
    await expect.poll(() => serverText(adminPage, statementId), { timeout: 30_000 }).toContain('Safe link.')
  } finally {
    writer.close()
  }

  // The statement list.
  await expect(await searchStatements(adminPage, stored(title))).toBeVisible()
  await expectShown(adminPage.getByRole('table', { name: 'Statements' }), [stored(title)])
  await adminGuard.expectClean(adminPage)

  // The statement page while drafting: the editor shows the payloads as text; the forged links have no target.
  await adminPage.goto(statementUrl)
  await waitUntilConnected(adminPage)
  const editor = statementEditor(adminPage).text
  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(stored(title))
  await expectShown(editor, [...firstParagraphs, laterParagraph])
  const links = editor.locator('a')
  await expect(links).toHaveCount(UNSAFE_HREFS.length + 1)
  await expect(editor.locator('a[href]')).toHaveCount(1)
  await expect(editor.locator('a[href]')).toHaveAttribute('href', SAFE_HREF)
  await clickAndExpectNothing(adminPage, links.filter({ hasText: 'Unsafe link 0.' }))
  await adminGuard.expectClean(adminPage)

  // Locked: the editor is read-only, where a link would be followed on click.
  await admin.post(`/api/statements/${statementId}/lock`, {}, 200)
  await adminPage.reload()
  await expect(statementEditor(adminPage).readOnlyBadge).toBeVisible()
  for (const index of UNSAFE_HREFS.keys()) await clickAndExpectNothing(adminPage, editor.locator('a').filter({ hasText: `Unsafe link ${index}.` }))
  await adminGuard.expectClean(adminPage)

  // History: the named version, its text, the comparison with the current text, the activity.
  await openHistory(adminPage, 'Versions')
  const { versionItems } = historyPanel(adminPage)
  const named = versionItems.filter({ hasText: stored(versionLabel) })
  await expect(named).toHaveCount(1)
  await named.getByRole('button', { name: /^View version/ }).click()
  const versionDialog = adminPage.getByTestId('version-dialog')
  await expectShown(versionDialog.getByTestId('version-document'), firstParagraphs)
  await adminPage.keyboard.press('Escape')
  await expect(versionDialog).toHaveCount(0)
  await named.getByRole('button', { name: /^Compare with current/ }).click()
  const compare = adminPage.getByTestId('compare-dialog')
  await expectShown(compare.getByTestId('diff-view'), [laterParagraph.split(' ').slice(0, 3).join(' '), PAYLOADS.script])
  await expect(compare.getByTestId('diff-view').locator('ins').first()).toBeVisible()
  await adminGuard.expectClean(adminPage)
  await adminPage.keyboard.press('Escape')
  await openHistory(adminPage, 'Activity')
  await expect(historyPanel(adminPage).auditEntries.first()).toBeVisible()
  await adminGuard.expectClean(adminPage)

  // The member: the banner with their name, the dashboard (the locked text waits for their organisation's
  // endorsement), the statement list, and endorsing for the organisation.
  const memberPage = await memberContext.newPage()
  await memberPage.goto('/')
  await expect(memberPage.getByRole('banner')).toContainText(stored(memberName))
  await expectShown(memberPage.getByTestId('needs-action'), [stored(title)])
  await memberPage.goto('/statements')
  await expectShown(memberPage.getByRole('table', { name: 'Statements' }), [stored(title)])
  await api(memberContext.request, origin).post(`/api/statements/${statementId}/endorsements`, endorsement)
  await memberPage.goto(statementUrl)
  const memberPanel = memberPage.getByTestId('endorsements')
  await expectShown(memberPanel.getByTestId('my-endorsement'), [stored(organization.name), stored(endorsement.signatoryName)])
  await expectShown(memberPanel.getByTestId('endorsement-list'), [stored(organization.name)])
  await memberGuard.expectClean(memberPage)

  // Someone without an account signs on through the public page, with payloads in every field.
  const link = await admin.post(`/api/statements/${statementId}/signon-links`, {})
  const visitorContext = await browser.newContext()
  try {
    const visitorGuard = await guardContext(visitorContext)
    const visitor = await visitorContext.newPage()
    await visitor.goto(link.url)
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText(stored(title))
    await expectShown(visitor.getByTestId('signon-text'), [...firstParagraphs, laterParagraph])
    await expect(visitor.getByTestId('signon-text').locator('a')).toHaveCount(0)
    await visitor.getByLabel('Organisation name').fill(outside.name)
    await visitor.getByLabel('Country').fill(outside.country)
    await visitor.getByLabel('ECOSOC status').selectOption({ label: 'None' })
    await visitor.getByLabel('Contact name').fill(outside.contactName)
    await visitor.getByLabel('E-mail').fill(`contact-${suffix}@outside.e2e.test`)
    await visitor.getByLabel('Comment').fill(outside.comment)
    await visitor.getByLabel('I confirm that my organisation endorses this text').check()
    await visitor.getByRole('button', { name: 'Sign on' }).click()
    await expect(visitor.getByTestId('signon-thanks')).toBeVisible()
    await visitorGuard.expectClean(visitor)
    await visitor.screenshot({ path: testInfo.outputPath('signon-page.png'), fullPage: true })
  } finally {
    await visitorContext.close()
  }

  // The coordinator's endorsement review: every name and comment, the outside organisation waiting.
  await adminPage.goto(statementUrl)
  const review = adminPage.getByTestId('endorsements').getByTestId('endorsement-list')
  await expectShown(review, [stored(organization.name), stored(endorsement.signatoryName), stored(endorsement.comment), stored(outside.name), stored(outside.contactName), stored(outside.comment)])
  await expect(review.getByTestId('endorsement-item').filter({ hasText: stored(outside.name) })).toHaveAttribute('data-status', 'pending')
  await adminPage.screenshot({ path: testInfo.outputPath('endorsement-review.png'), fullPage: true })
  await adminGuard.expectClean(adminPage)

  // Administration: organisations, people, invitations.
  await adminPage.goto('/admin')
  await expect(adminPage.getByRole('table', { name: 'Member organisations' }).getByRole('rowheader', { name: organizationOption(organization) })).toBeVisible()
  await expectShown(adminPage.getByRole('table', { name: 'Member organisations' }), [stored(organization.country)])
  await adminGuard.expectClean(adminPage)
  await adminPage.goto('/admin?tab=people')
  await expectShown(adminPage.locator('main'), [stored(memberName)])
  await adminGuard.expectClean(adminPage)
  await adminPage.goto('/admin?tab=invitations')
  await expectShown(adminPage.locator('main'), [`signer-${suffix}@hostile.e2e.test`])
  await adminGuard.expectClean(adminPage)

  // The server-rendered public verification page, under its own hash-pinned policy.
  const { lockedFingerprint } = await admin.get(`/api/statements/${statementId}/fingerprint`)
  await adminPage.goto(`/verify/${lockedFingerprint}`)
  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(stored(title))
  await expectShown(adminPage.locator('body'), [...firstParagraphs, stored(organization.name)])
  // Its stylesheet applied: the hash in the policy matches the page's <style>.
  expect(await adminPage.locator('body').evaluate((body) => getComputedStyle(body).maxWidth)).toBe('672px')
  await adminGuard.expectClean(adminPage)

  await memberContext.close()
})
