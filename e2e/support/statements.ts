import { expect, type Page } from '@playwright/test'

export interface StatementInput {
  title: string
  /** The option labels of the Visibility select. */
  visibility?: 'All members can read' | 'Confidential: drafting organisations only'
  /** Option labels of the drafting organisations, see `organizationOption`. */
  draftingOrganizations?: string[]
}

/** Creates a statement with "New statement" on the statements list; returns its id from the page it opens. */
export async function createStatement(page: Page, statement: StatementInput): Promise<string> {
  await page.goto('/statements')
  await page.getByRole('button', { name: 'New statement' }).click()
  const form = page.getByRole('region', { name: 'New statement' })
  await form.getByLabel('Title', { exact: true }).fill(statement.title)
  if (statement.visibility) await form.getByLabel('Visibility', { exact: true }).selectOption({ label: statement.visibility })
  if (statement.draftingOrganizations) {
    await form.getByLabel('Drafting organisations').selectOption(statement.draftingOrganizations.map((label) => ({ label })))
  }
  await form.getByRole('button', { name: 'Create statement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: statement.title })).toBeVisible()
  const match = /\/statements\/([^/?#]+)$/.exec(new URL(page.url()).pathname)
  if (!match?.[1]) throw new Error(`Creating "${statement.title}" did not open its page: ${page.url()}`)
  return decodeURIComponent(match[1])
}

/**
 * Searches the statements list for a title, so statements of other tests on the shared
 * server do not matter. Returns the result summary, which names the search.
 */
export async function searchStatements(page: Page, title: string) {
  await page.goto('/statements')
  await page.getByLabel('Search statements').fill(title)
  const summary = page.getByRole('status').filter({ hasText: `“${title}”` })
  await expect(summary).toBeVisible()
  return summary
}

/** Opens a statement the way a person does: from the list, by its title. */
export async function openStatementFromList(page: Page, title: string): Promise<void> {
  await expect(await searchStatements(page, title)).toHaveText(`1 statement matches “${title}”`)
  await page.getByRole('table', { name: 'Statements' }).getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}
