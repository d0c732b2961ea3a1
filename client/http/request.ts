/**
 * The client's one way to call the REST API. This folder is `client/http/`, not
 * `client/api/`: in development Vite serves source files by path, and a module at
 * `/api/*.ts` would be routed to the REST API (proxy or Express middleware) instead.
 */
import { ApiError, apiErrorFromBody } from './ApiError.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

type UnauthenticatedListener = () => void
let unauthenticatedListener: UnauthenticatedListener | null = null

/**
 * The session provider registers here so that any request answered with 401
 * `unauthenticated` (the session expired or was revoked) signs the person out
 * of the UI, wherever the request came from.
 */
export function onUnauthenticated(listener: UnauthenticatedListener | null): void {
  unauthenticatedListener = listener
}

export interface RequestOptions {
  signal?: AbortSignal
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    // An abort is the caller's decision, not a failure to report.
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.')
  }

  if (response.status === 204) return undefined as T
  const parsed = await readJson(response)

  if (!response.ok) {
    const error = apiErrorFromBody(response.status, parsed)
    if (error.code === 'unauthenticated') unauthenticatedListener?.()
    throw error
  }
  if (parsed === undefined) {
    throw new ApiError(response.status, 'unexpected_response', 'The server sent an answer the app could not read.')
  }
  return parsed as T
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
}

/** Encodes one path segment, so ids and tokens can never change the route they go to. */
export function segment(value: string): string {
  return encodeURIComponent(value)
}
