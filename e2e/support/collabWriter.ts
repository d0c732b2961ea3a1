import type { BrowserContext } from '@playwright/test'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** One run of text and the marks it carries, as y-prosemirror stores them (mark name → attributes). */
export type TextRun = [text: string, marks?: Record<string, Record<string, unknown>>]

/**
 * A collaboration client outside the browser, on a browser context's session:
 * the stock y-websocket provider, as any y-prosemirror client connects. It can
 * write what the editor would never produce, such as a link mark with a
 * `javascript:` target, which is how an attacker with write access would send it.
 */
export async function openCollabWriter(context: BrowserContext, origin: string, statementId: string) {
  const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ')
  const headers = { origin, cookie }
  const BrowserLikeSocket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/collab`, statementId, doc, {
    disableBc: true,
    WebSocketPolyfill: BrowserLikeSocket as never,
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the collaboration socket did not sync within 30 s')), 30_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return {
    /** Appends a block (a paragraph unless `type` says otherwise) made of the runs. */
    append(runs: TextRun[], type = 'paragraph', attributes: Record<string, string | number> = {}): void {
      doc.transact(() => {
        const block = new Y.XmlElement(type)
        for (const [name, value] of Object.entries(attributes)) block.setAttribute(name, value as string)
        const text = new Y.XmlText()
        block.insert(0, [text])
        const fragment = doc.getXmlFragment('default')
        fragment.insert(fragment.length, [block])
        let at = 0
        for (const [run, marks] of runs) {
          text.insert(at, run, marks ?? {})
          at += run.length
        }
      })
    },
    close(): void {
      provider.destroy()
      doc.destroy()
    },
  }
}
