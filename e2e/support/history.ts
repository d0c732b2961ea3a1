import { expect, type Page } from '@playwright/test'

type HistorySection = 'Versions' | 'Activity'

/** The History side panel of a statement page and its lists, by the labels and hooks people and tests use. */
export function historyPanel(page: Page) {
  const panel = page.getByRole('complementary', { name: 'History' })
  return {
    panel,
    versionList: panel.getByTestId('version-list'),
    /** One version in the list, by its number (the list is newest first). */
    version: (number: number) => panel.getByTestId('version-list').locator(`[data-testid="version-item"][data-version-number="${number}"]`),
    versionItems: panel.getByTestId('version-list').getByTestId('version-item'),
    auditTrail: panel.getByTestId('audit-trail'),
    auditEntries: panel.getByTestId('audit-trail').getByTestId('audit-entry'),
  }
}

/** Opens the History panel (unless it is open) on one of its sections. */
export async function openHistory(page: Page, section: HistorySection = 'Versions'): Promise<void> {
  const toggle = page.getByRole('button', { name: 'History', exact: true })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const { panel } = historyPanel(page)
  const sectionButton = panel.getByRole('button', { name: section, exact: true })
  await sectionButton.click()
  await expect(sectionButton).toHaveAttribute('aria-pressed', 'true')
}

/**
 * Saves the text as it is on the server now as a named version, through the History
 * panel, and returns the new version's number once the list shows it. The server
 * records its own copy of the text, so wait until it has the words first (`serverText`).
 */
export async function saveNamedVersion(page: Page, label: string): Promise<number> {
  await openHistory(page, 'Versions')
  const { panel, versionItems } = historyPanel(page)
  await panel.getByLabel('Version name', { exact: true }).fill(label)
  await panel.getByRole('button', { name: 'Save version', exact: true }).click()
  // Filtered: "Loading…" is a status too.
  await expect(panel.getByRole('status').filter({ hasText: `“${label}”` })).toHaveText(new RegExp(`^Saved version \\d+ “${escapeRegExp(label)}”\\.$`))
  const saved = versionItems.filter({ hasText: label })
  await expect(saved).toHaveCount(1)
  // Newest first: the version just saved heads the list.
  await expect(versionItems.first()).toContainText(label)
  return Number(await saved.getAttribute('data-version-number'))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
