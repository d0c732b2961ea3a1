import { expect, type Page } from '@playwright/test'

/**
 * "Without a reload", checked: a mark left on the page's window object is gone after a
 * reload or a full navigation, which build a new window. Route changes inside the
 * single-page app keep it, so the URL is compared too.
 */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as Window & { e2eNotReloaded?: boolean }).e2eNotReloaded = true
  })
}

/** Fails if the page was reloaded or left since `markWindow`. */
export async function expectNotReloaded(page: Page, url: string): Promise<void> {
  expect(await page.evaluate(() => (window as Window & { e2eNotReloaded?: boolean }).e2eNotReloaded === true), 'the page was reloaded').toBe(true)
  expect(page.url()).toBe(url)
}
