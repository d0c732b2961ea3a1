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

/**
 * Other spellings of an `/api/…` request path (its query string kept as is), as a
 * client, a proxy or an attacker might send them byte for byte.
 */
export function pathVariants(path: string): [name: string, path: string][] {
  const queryAt = path.indexOf('?')
  const pathname = queryAt === -1 ? path : path.slice(0, queryAt)
  const query = queryAt === -1 ? '' : path.slice(queryAt)
  if (!pathname.startsWith('/api/')) throw new Error(`pathVariants: ${path} is not an /api path`)
  const rest = pathname.slice('/api/'.length)
  const lastSlash = pathname.lastIndexOf('/')
  const encodeFirst = (text: string) => `%${(text.codePointAt(0) as number).toString(16)}${text.slice(1)}`
  const variants: [string, string][] = [
    ['leading double slash', `/${pathname}`],
    ['inner double slash', `/api//${rest}`],
    ['encoded slash after /api', `/api%2F${rest}`],
    ['encoded slash, last separator', `${pathname.slice(0, lastSlash)}%2F${pathname.slice(lastSlash + 1)}`],
    ['backslash separator', `/api\\${rest}`],
    ['encoded letter in /api', `/${encodeFirst('api')}/${rest}`],
    ['encoded letter in the route', `/api/${encodeFirst(rest)}`],
    ['upper case', pathname.toUpperCase()],
    ['trailing slash', `${pathname}/`],
    ['dot-dot segment', `/api/x/../${rest}`],
    ['encoded dot-dot segment', `/api/x/%2e%2e/${rest}`],
  ]
  const seen = new Set<string>([pathname])
  return variants.filter(([, spelled]) => !seen.has(spelled) && seen.add(spelled)).map(([name, spelled]) => [name, spelled + query])
}
