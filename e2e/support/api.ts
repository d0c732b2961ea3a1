import { expect, type APIRequestContext, type APIResponse } from '@playwright/test'

/**
 * The REST API with a browser context's cookies (`page.request`, `context.request`),
 * for setting up what a test is not about. State-changing requests carry the
 * Origin a page of Plenary would send, or the server's CSRF guard refuses them.
 */
export function api(request: APIRequestContext, origin: string) {
  async function call<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, data: unknown, status: number): Promise<T> {
    const response: APIResponse = await request.fetch(path, { method, data, headers: { origin } })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(status)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }
  return {
    async get<T = any>(path: string): Promise<T> {
      const response = await request.get(path)
      expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200)
      return (await response.json()) as T
    },
    post: <T = any>(path: string, data: unknown = {}, status = 201) => call<T>('POST', path, data, status),
    patch: <T = any>(path: string, data: unknown, status = 200) => call<T>('PATCH', path, data, status),
  }
}
