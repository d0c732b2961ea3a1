import { test as base, type Page } from '@playwright/test'
import { E2E_ADMIN } from './credentials.js'
import { acceptInvitation, signIn } from './session.js'

interface PlenaryFixtures {
  /** The administrator, signed in, in a browser context of its own. */
  adminPage: Page
  /** Accepts an invitation in a new browser context (its own cookies: another person) and returns the signed-in page. */
  joinAs: (invitationUrl: string, name: string) => Promise<Page>
}

export const test = base.extend<PlenaryFixtures>({
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
    await use(page)
    await context.close()
  },
  joinAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = []
    await use(async (invitationUrl, name) => {
      const context = await browser.newContext()
      contexts.push(context)
      const page = await context.newPage()
      await acceptInvitation(page, invitationUrl, name)
      return page
    })
    await Promise.all(contexts.map((context) => context.close()))
  },
})

export { expect } from '@playwright/test'
