import { expect, test } from './support/fixtures.js'
import { uniqueSuffix } from './support/unique.js'

// Known client bug, so this does not run yet: AdminPage loads the organisations with
// useResource without `keepPrevious`, so OrganizationForm's `onAdded` reload puts the page
// back into its loading state, which unmounts the tab and with it the form whose state holds
// the "… was added." confirmation (and moves focus to nowhere). The confirmation shows for one
// round trip at most. Remove `.fixme` once the confirmation survives the reload.
test.fixme('adding an organisation confirms it, and the confirmation stays after the list reloads', async ({ adminPage }) => {
  const name = `Confirmation Check ${uniqueSuffix()}`
  await adminPage.goto('/admin')
  const form = adminPage.getByRole('form', { name: 'Add an organisation' })
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByLabel('Country', { exact: true }).fill('Global')
  await form.getByRole('button', { name: 'Add organisation' }).click()
  await expect(adminPage.getByRole('table', { name: 'Member organisations' }).getByRole('rowheader', { name })).toBeVisible()
  await expect(adminPage.getByRole('form', { name: 'Add an organisation' }).getByRole('status')).toHaveText(`${name} was added.`)
})
