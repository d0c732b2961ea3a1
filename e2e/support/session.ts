import { expect, type Page } from '@playwright/test'
import { MEMBER_PASSWORD } from './credentials.js'

/** Signs in through the login form and waits for the home page, the dashboard. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
}

/** Opens an invitation link, chooses a name and password, and lands signed in on the dashboard. */
export async function acceptInvitation(page: Page, invitationUrl: string, name: string): Promise<void> {
  await page.goto(invitationUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'Join Plenary' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD)
  await page.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(name)
}
