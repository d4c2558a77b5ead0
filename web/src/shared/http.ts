// The one HTTP client both front ends use: bearer token from sessionStorage, RFC 9457 problems turned into
// ApiError (status, code, detail, param), and a 401 handed to the app so it can send the user to its login.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly param?: string,
    readonly requestId?: string,
  ) {
    super(detail || code || `HTTP ${status}`)
    this.name = 'ApiError'
  }
}

export type Query = Record<string, string | number | undefined | null>

export interface RequestOptions {
  query?: Query
  json?: unknown
  form?: FormData
  /** Answer the raw Response (a CSV or an image) instead of parsing JSON. */
  raw?: boolean
  /** Calls made before login (signup, login itself) carry no token and must not trigger the 401 redirect. */
  anonymous?: boolean
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, query?: Query): Promise<T>
  post<T>(path: string, json?: unknown): Promise<T>
  put<T>(path: string, json?: unknown): Promise<T>
  blob(path: string): Promise<Blob>
}

export interface Session {
  token(): string | null
  save(token: string, who?: string): void
  who(): string | null
  clear(): void
}

/** Tokens live in sessionStorage: gone when the tab closes, never shared with other tabs or persisted on disk. */
export function sessionStore(key: string): Session {
  return {
    token: () => sessionStorage.getItem(key),
    who: () => sessionStorage.getItem(`${key}-who`),
    save(token, who) {
      sessionStorage.setItem(key, token)
      if (who) sessionStorage.setItem(`${key}-who`, who)
    },
    clear() {
      sessionStorage.removeItem(key)
      sessionStorage.removeItem(`${key}-who`)
    },
  }
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export function createApiClient(base: string, session: Session, onUnauthorized: () => void): ApiClient {
  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
    const token = session.token()
    if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`
    let body: BodyInit | undefined
    if (options.form) {
      body = options.form // the browser sets the multipart boundary itself
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    if (options.raw) headers.Accept = '*/*'
    let response: Response
    try {
      response = await fetch(base + withQuery(path, options.query), { method, headers, body })
    } catch (e) {
      throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e))
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}) as Record<string, unknown>)
      if (response.status === 401 && !options.anonymous) {
        session.clear()
        onUnauthorized()
      }
      throw new ApiError(
        response.status,
        String(problem.code ?? `HTTP_${response.status}`),
        String(problem.detail ?? problem.title ?? response.statusText ?? ''),
        typeof problem.param === 'string' ? problem.param : undefined,
        typeof problem.request_id === 'string' ? problem.request_id : undefined,
      )
    }
    if (options.raw) return response as unknown as T
    if (response.status === 204) return undefined as T
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  return {
    request,
    get: (path, query) => request('GET', path, { query }),
    post: (path, json) => request('POST', path, { json: json ?? {} }),
    put: (path, json) => request('PUT', path, { json }),
    async blob(path) {
      const response = await request<Response>('GET', path, { raw: true })
      return response.blob()
    },
  }
}
