import { expect, type BrowserContext, type Page } from '@playwright/test'

interface Violation {
  directive: string
  blocked: string
  sample: string
  page: string
}

declare global {
  interface Window {
    e2eCspViolations?: Violation[]
  }
}

/**
 * Watches every page of a browser context for the signs of injected markup
 * running or being blocked: a JavaScript dialog (alert, confirm, prompt), a
 * Content-Security-Policy violation (the `securitypolicyviolation` event,
 * collected by an init script in every document, and Chromium's "Refused to …"
 * console messages, which also cover documents that left before we could ask).
 * Call before the context's pages navigate.
 */
export async function guardContext(context: BrowserContext) {
  const dialogs: string[] = []
  const refusals: string[] = []
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`)
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('console', (message) => {
      if (/Refused to|Content.Security.Policy/i.test(message.text())) refusals.push(`${message.text()} on ${page.url()}`)
    })
  }
  await context.addInitScript(() => {
    window.e2eCspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.e2eCspViolations?.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, page: location.href })
    })
  })
  context.pages().forEach(watch)
  context.on('page', watch)

  return {
    /**
     * Fails if any page of the context showed a dialog or refused something under
     * the CSP, or if this page holds an element or attribute the payloads would
     * create: an inline script, an event-handler attribute, an image or SVG from
     * the payload, or a link to a script URL.
     */
    async expectClean(page: Page): Promise<void> {
      const found = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'))
        return {
          violations: window.e2eCspViolations ?? [],
          inlineScripts: Array.from(document.scripts).filter((script) => !script.src).map((script) => script.outerHTML.slice(0, 200)),
          foreignScripts: Array.from(document.scripts).filter((script) => script.src && new URL(script.src).origin !== location.origin).map((script) => script.src),
          handlers: all.flatMap((element) => Array.from(element.attributes).filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `<${element.localName} ${attribute.name}>`)),
          payloadElements: Array.from(document.querySelectorAll('img[src="x"], img[onerror], svg[onload], iframe, object, embed')).map((element) => element.outerHTML.slice(0, 200)),
          scriptLinks: Array.from(document.querySelectorAll('a[href], area[href]'))
            .map((anchor) => anchor.getAttribute('href') ?? '')
            // eslint-disable-next-line no-control-regex
            .filter((href) => /^(javascript|data|vbscript):/i.test(href.replace(/[\u0000-\u0020]/g, ''))),
        }
      })
      expect(dialogs, 'JavaScript dialogs').toEqual([])
      expect(found.violations, `CSP violations on ${page.url()}`).toEqual([])
      expect(refusals, 'CSP refusals in the console').toEqual([])
      expect(found.inlineScripts, `inline scripts on ${page.url()}`).toEqual([])
      expect(found.foreignScripts, `scripts from other origins on ${page.url()}`).toEqual([])
      expect(found.handlers, `event-handler attributes on ${page.url()}`).toEqual([])
      expect(found.payloadElements, `payload elements on ${page.url()}`).toEqual([])
      expect(found.scriptLinks, `script links on ${page.url()}`).toEqual([])
    },
  }
}
