import { expect, test } from './support/fixtures.js'
import { uniqueSuffix } from './support/unique.js'

// The organisation list reloads after an addition; the form, and its confirmation, must survive it.
test('adding an organisation confirms it, and the confirmation stays after the list reloads', async ({ adminPage }) => {
  const name = `Confirmation Check ${uniqueSuffix()}`
  await adminPage.goto('/admin')
  const form = adminPage.getByRole('form', { name: 'Add an organisation' })
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByLabel('Country', { exact: true }).fill('Global')
  await form.getByRole('button', { name: 'Add organisation' }).click()
  await expect(adminPage.getByRole('table', { name: 'Member organisations' }).getByRole('rowheader', { name })).toBeVisible()
  await expect(adminPage.getByRole('form', { name: 'Add an organisation' }).getByRole('status')).toHaveText(`${name} was added.`)
})
