import { expect, type Locator, type Page } from '@playwright/test'

/** The parts of the statement editor the tests read, by the hooks the client exposes for them. */
export function statementEditor(page: Page) {
  return {
    text: page.getByTestId('statement-editor').locator('.ProseMirror'),
    connection: page.getByTestId('connection-status'),
    presence: page.getByTestId('presence-list'),
    presentUsers: page.getByTestId('presence-list').getByTestId('presence-user'),
    wordCount: page.getByTestId('word-count'),
    readOnlyBadge: page.getByTestId('read-only-badge'),
    remoteCaretLabels: page.locator('.collaboration-carets__label'),
  }
}

/** Waits until the collaboration socket is open and the document has synced. */
export async function waitUntilConnected(page: Page): Promise<void> {
  await expect(statementEditor(page).connection).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })
}

/**
 * Types a new paragraph at the end of the text. Clicking alone would put the caret
 * wherever the click lands, possibly inside another person's words.
 */
export async function typeParagraphAtEnd(page: Page, text: string): Promise<void> {
  const editor = statementEditor(page).text
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  if (((await editor.textContent()) ?? '').trim() !== '') await page.keyboard.press('Enter')
  await page.keyboard.type(text)
}

/**
 * The statement's text as the person reads it: one line per block, without the other
 * people's caret labels, which are drawn inside the text. For `expect.poll`.
 */
export function readText(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n')
  })
}
