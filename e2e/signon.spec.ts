import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import type { Response } from '@playwright/test'
import { addOrganization, createInvitation, type OrganizationInput } from './support/adminArea.js'
import { typeParagraphAtEnd, waitUntilConnected } from './support/editor.js'
import { expect, test } from './support/fixtures.js'
import { lockFinalText } from './support/lifecycle.js'
import { serverFingerprint, serverText } from './support/serverStatement.js'
import { createStatement, openStatementFromList } from './support/statements.js'
import { uniqueSuffix } from './support/unique.js'

const UTF8_BOM = [0xef, 0xbb, 0xbf]

test('a member signs; an outside organisation signs through the link; the coordinator approves it and downloads the CSV', async ({ adminPage, joinAs, browser }, testInfo) => {
  const suffix = uniqueSuffix()
  const memberOrganization: OrganizationInput = { name: `Penal Reform Network ${suffix}`, shortName: `PRN-${suffix}`, country: 'Austria' }
  const memberEmail = `lena-${suffix}@prn.e2e.test`
  const outside = {
    name: `Fundación Justicia ${suffix}`,
    country: 'Chile',
    contactName: 'Rosa Díaz',
    title: 'Directora ejecutiva',
    email: `rosa-${suffix}@fundacion.e2e.test`,
    website: `https://fundacion-${suffix}.e2e.test`,
    comment: 'We also raised this at the last CCPCJ.',
  }
  const title = `Joint statement on prison conditions ${suffix}`
  const text = 'We urge States to apply the Nelson Mandela Rules.'

  // The alliance: a member organisation and someone who may sign for it.
  await addOrganization(adminPage, memberOrganization)
  const invitation = await createInvitation(adminPage, { email: memberEmail, organization: memberOrganization, canSign: true })
  const statementId = await createStatement(adminPage, { title })
  await waitUntilConnected(adminPage)
  await typeParagraphAtEnd(adminPage, text)
  // The lock records the server's text: it must hold every keystroke first.
  await expect.poll(() => serverText(adminPage, statementId)).toBe(text)
  await lockFinalText(adminPage)
  const { lockedFingerprint } = await serverFingerprint(adminPage, statementId)
  expect(lockedFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
  const fingerprint = lockedFingerprint ?? ''
  await expect(adminPage.getByTestId('lock-banner').getByTestId('fingerprint')).toHaveText(fingerprint)

  // The member endorses for their organisation; it counts at once, no approval.
  const memberPage = await joinAs(invitation, 'Lena Ortiz')
  await openStatementFromList(memberPage, title)
  const memberPanel = memberPage.getByTestId('endorsements')
  await expect(memberPanel.getByRole('heading', { name: `Endorse on behalf of ${memberOrganization.name}` })).toBeVisible()
  await expect(memberPanel.getByLabel('Signatory name')).toHaveValue('Lena Ortiz')
  await memberPanel.getByLabel('Signatory title').fill('Director')
  await memberPanel.getByRole('button', { name: 'Endorse', exact: true }).click()
  const mine = memberPanel.getByTestId('my-endorsement')
  await expect(mine).toContainText(`${memberOrganization.name} endorsed this text on`)
  await expect(mine).toContainText('signed by Lena Ortiz, Director.')
  await expect(memberPanel.getByTestId('endorsement-counts')).toContainText('1 organisation, 0 confidential')
  const publicItems = memberPanel.getByTestId('endorsement-list').getByTestId('endorsement-item')
  await expect(publicItems).toHaveCount(1)
  await expect(publicItems).toContainText(memberOrganization.name)
  await memberPage.screenshot({ path: testInfo.outputPath('1-member-endorsed.png'), fullPage: true })

  // The coordinator hands out a sign-on link for organisations outside the alliance.
  const adminPanel = adminPage.getByTestId('endorsements')
  await adminPanel.getByRole('button', { name: 'Create sign-on link' }).click()
  const signonUrlField = adminPanel.getByTestId('signon-url')
  await expect(signonUrlField).toHaveValue(/\/signon\/[^/?#]+$/)
  const signonUrl = await signonUrlField.inputValue()
  await expect(adminPanel.getByTestId('signon-links').getByTestId('signon-link')).toHaveAttribute('data-state', 'active')

  // Someone without an account opens it: the locked text and its fingerprint, and nobody else's name.
  const visitorContext = await browser.newContext()
  try {
    const visitor = await visitorContext.newPage()
    // Everything the server sends this browser, so "reveals nobody" covers what the page does not display too.
    const apiBodies: Promise<string>[] = []
    visitor.on('response', (response: Response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) apiBodies.push(response.text().catch(() => ''))
    })
    await visitor.goto(signonUrl)
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(visitor.getByTestId('signon-text')).toHaveText(text)
    await expect(visitor.getByTestId('fingerprint')).toHaveText(fingerprint)
    await expect(visitor.getByLabel('ECOSOC status')).toHaveValue('')
    await expect(visitor.getByLabel('ECOSOC status').locator('option:checked')).toHaveText('Choose…')
    await expect(visitor.locator('body')).not.toContainText(memberOrganization.name)

    await visitor.getByLabel('Organisation name').fill(outside.name)
    await visitor.getByLabel('Country').fill(outside.country)
    await visitor.getByLabel('ECOSOC status').selectOption({ label: 'Special' })
    await visitor.getByLabel('Contact name').fill(outside.contactName)
    await visitor.getByLabel('Title', { exact: true }).fill(outside.title)
    await visitor.getByLabel('E-mail').fill(outside.email)
    await visitor.getByLabel('Website').fill(outside.website)
    await visitor.getByLabel('Comment').fill(outside.comment)
    await visitor.getByLabel('I confirm that my organisation endorses this text').check()
    await visitor.getByRole('button', { name: 'Sign on' }).click()
    await expect(visitor.getByTestId('signon-thanks')).toContainText('Thank you. A coordinator will confirm your organisation')
    await visitor.screenshot({ path: testInfo.outputPath('2-visitor-thanks.png'), fullPage: true })

    for (const hidden of [memberOrganization.name, memberOrganization.shortName, memberEmail, 'Lena Ortiz']) {
      await expect(visitor.locator('body')).not.toContainText(hidden)
      expect(await visitor.content()).not.toContain(hidden)
      for (const body of await Promise.all(apiBodies)) expect(body).not.toContain(hidden)
    }
    expect(apiBodies.length).toBeGreaterThanOrEqual(2)
  } finally {
    await visitorContext.close()
  }

  // The coordinator finds the outside organisation waiting, beside the member's endorsement, and approves it.
  await adminPage.reload()
  const items = adminPanel.getByTestId('endorsement-list').getByTestId('endorsement-item')
  const outsideItem = items.filter({ hasText: outside.name })
  const memberItem = items.filter({ hasText: memberOrganization.name })
  await expect(outsideItem).toHaveAttribute('data-status', 'pending')
  await expect(outsideItem).toHaveAttribute('data-source', 'external')
  await expect(outsideItem).toContainText(outside.email)
  await expect(memberItem).toHaveAttribute('data-status', 'approved')
  await expect(memberItem).toHaveAttribute('data-source', 'member')
  await expect(adminPanel.getByTestId('endorsement-counts')).toContainText('1 outside organisation waiting for approval')
  await adminPage.screenshot({ path: testInfo.outputPath('3-coordinator-pending.png'), fullPage: true })

  await adminPanel.getByRole('button', { name: `Approve ${outside.name}` }).click()
  await expect(outsideItem).toHaveAttribute('data-status', 'approved')
  await expect(adminPanel.getByRole('status').filter({ hasText: `Approved: ${outside.name}.` })).toBeVisible()
  await expect(adminPanel.getByTestId('endorsement-counts')).toHaveText('2 organisations, 0 confidential')
  await expect(adminPanel.getByRole('button', { name: `Approve ${outside.name}` })).toHaveCount(0)
  await adminPage.screenshot({ path: testInfo.outputPath('4-coordinator-approved.png'), fullPage: true })

  // The coordinator's CSV: what was signed, both organisations, and the contact details.
  await adminPanel.getByLabel('Format').selectOption({ label: 'CSV' })
  const downloadLink = adminPanel.getByTestId('signoff-download')
  await expect(downloadLink).toHaveAttribute('href', /[?&]format=csv(&|$)/)
  const downloadEvent = adminPage.waitForEvent('download')
  await downloadLink.click()
  const download = await downloadEvent
  expect(download.suggestedFilename()).toMatch(/-signoff\.csv$/)
  const bytes = await readFile(await download.path())
  expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM)
  const csv = bytes.toString('utf8')
  expect(csv).toContain(fingerprint)
  expect(csv).toContain(memberOrganization.name)
  expect(csv).toContain(outside.name)
  expect(csv).toContain(memberEmail)

  const rows: string[][] = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true })
  const headerIndex = rows.findIndex((row) => row[0] === 'Organisation')
  expect(headerIndex).toBeGreaterThan(0)
  const preamble = new Map(rows.slice(0, headerIndex).map((row) => [row[0], row[1]]))
  expect(preamble.get('Statement')).toBe(title)
  expect(preamble.get('Fingerprint')).toBe(fingerprint)
  const header = rows[headerIndex] ?? []
  const records = rows.slice(headerIndex + 1).map((row) => Object.fromEntries(header.map((column, index) => [column, row[index]])))
  expect(records).toHaveLength(2)
  expect(records).toContainEqual(
    expect.objectContaining({
      Organisation: memberOrganization.name,
      Country: 'Austria',
      Signatory: 'Lena Ortiz',
      'Signatory title': 'Director',
      'E-mail': memberEmail,
      Confidential: 'no',
      Source: 'member',
    }),
  )
  expect(records).toContainEqual(
    expect.objectContaining({
      Organisation: outside.name,
      Country: outside.country,
      'ECOSOC status': 'Special consultative status',
      Website: outside.website,
      Signatory: outside.contactName,
      'Signatory title': outside.title,
      'E-mail': outside.email,
      Comment: outside.comment,
      Confidential: 'no',
      Source: 'external',
    }),
  )
})
