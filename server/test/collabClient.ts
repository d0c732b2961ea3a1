import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'

/** A `ws` WebSocket that sends the session cookie and Origin, as a browser would. */
export function socketClass(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  } as unknown as typeof WebSocket
}

export function browserHeaders(server: TestServer, cookie: string | undefined): Record<string, string> {
  return { origin: server.publicUrl, ...(cookie ? { cookie } : {}) }
}

/** The stock y-websocket provider against /collab, as any y-prosemirror client would connect. */
export function connectProvider(server: TestServer, statementId: string, cookie: string | undefined, doc = new Y.Doc()) {
  const wsUrl = server.url.replace(/^http/, 'ws') + '/collab'
  const provider = new WebsocketProvider(wsUrl, statementId, doc, {
    disableBc: true,
    WebSocketPolyfill: socketClass(browserHeaders(server, cookie)) as never,
    maxBackoffTime: 200,
  })
  return { doc, provider, text: () => doc.getXmlFragment('default').toString() }
}

export async function synced(provider: WebsocketProvider): Promise<void> {
  await waitFor(() => provider.synced, { what: 'provider sync' })
}

/** Types a paragraph the way y-prosemirror stores it: <paragraph>text</paragraph>. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment('default')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  fragment.insert(fragment.length, [paragraph])
}

/** A whole-document update that adds one paragraph, as a forger would send it. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  appendParagraph(doc, text)
  return Y.encodeStateAsUpdate(doc)
}

/** Opens a raw WebSocket and resolves with the HTTP status of a refused upgrade, or 101. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (error) => reject(error))
  })
}
