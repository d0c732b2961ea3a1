import { expect, type Page } from '@playwright/test'

/** A coordinator or admin locks the final text from the statement page and confirms. */
export async function lockFinalText(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock final text', exact: true }).click()
  const dialog = page.getByTestId('lock-dialog')
  await expect(dialog.getByRole('heading', { name: 'Lock the final text?' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Lock final text', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('statement-status')).toHaveText('Final text locked')
}

/** A coordinator or admin unlocks a locked statement, giving the reason everyone will see. */
export async function unlockWithReason(page: Page, reason: string): Promise<void> {
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
  const dialog = page.getByTestId('unlock-dialog')
  await dialog.getByLabel('Reason', { exact: true }).fill(reason)
  await dialog.getByRole('button', { name: 'Unlock', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('statement-status')).toHaveText('Drafting')
}
