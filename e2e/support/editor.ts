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

/**
 * Selects `words` in the first paragraph with the keyboard, as a keyboard user does
 * (start of the text, arrows, then Shift+arrows), so that typing replaces them.
 * Counting characters is exact while no other person's caret is drawn in that
 * paragraph: a caret label is a widget the arrow keys may step over.
 */
export async function selectInFirstParagraph(page: Page, words: string): Promise<void> {
  const editor = statementEditor(page).text
  const paragraph = (await readText(editor)).split('\n')[0] ?? ''
  const start = paragraph.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the first paragraph: "${paragraph}"`)
  // When a click focuses the editor, ProseMirror writes its own selection back to the DOM a moment
  // later (a timer in its focus handling), which undoes keys pressed at robot speed in between; a
  // person pausing after the click never notices. Retried, click included, until the selection holds:
  // by the second attempt the editor already has focus and has settled.
  await expect(async () => {
    await editor.click()
    await page.keyboard.press('ControlOrMeta+Home')
    for (let step = 0; step < start; step += 1) await page.keyboard.press('ArrowRight')
    for (let step = 0; step < words.length; step += 1) await page.keyboard.press('Shift+ArrowRight')
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(words)
  }).toPass()
}
