/** A tiny cookie-keeping HTTP client that behaves like a browser on our origin. */
export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
  text: string
}

export class ApiClient {
  cookie: string | undefined

  constructor(readonly baseUrl: string, readonly origin: string | null = baseUrl) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.origin && method !== 'GET' ? { origin: this.origin } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) {
      const pair = setCookie.split(';')[0] as string
      this.cookie = pair.endsWith('=') ? undefined : pair
    }
    const text = await response.text()
    let parsed: unknown = text
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text)
    return { status: response.status, body: parsed as T, headers: response.headers, text }
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {})
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body)
  }

  async login(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password })
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`)
    return this
  }
}
