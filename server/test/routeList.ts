import type { TestServer } from './testServer.js'

interface RouterLayer {
  rawPath?: unknown
  route?: { path: unknown; methods: Record<string, boolean> }
  handle?: { stack?: RouterLayer[] }
}

/**
 * Every `METHOD /api/path/{param}` the running server's Express app serves, read
 * from its router, in OpenAPI spelling. Reads the internals of router@2 (`rawPath`,
 * `route`, `handle.stack`); if those change, the guard below fails loudly rather
 * than letting the access matrix check an empty list.
 */
export function apiRoutes(server: TestServer): string[] {
  const app = server.httpServer.listeners('request')[0] as unknown as { router?: { stack: RouterLayer[] } }
  const routes = new Set<string>()
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${prefix}${layer.route.path.replace(/:(\w+)/g, '{$1}')}`)
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''
        walk(layer.handle.stack, prefix + mount)
      }
    }
  }
  walk(app.router?.stack ?? [], '')
  const api = [...routes].filter((route) => route.split(' ')[1]?.startsWith('/api/')).sort()
  if (api.length < 20) throw new Error(`Read only ${api.length} API routes from the Express router: has its internal shape changed?`)
  return api
}
