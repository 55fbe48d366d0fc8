// HTTP to the hub (or the cloud): JSON in and out, a bearer token when signed in, and errors that say
// whether the server refused (ApiError: show it, don't retry) or could not be reached (NetworkError:
// queue and retry).

/** The server answered with an error body `{code, message, details?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** 5xx and 429 may succeed later; 4xx will not. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** No answer at all: the hub is off, the wifi dropped, or the request timed out. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ApiClientOptions {
  /** '' for same origin (the apps are served by the hub itself). */
  baseUrl?: string;
  getToken?: () => string | null | undefined;
  /** Called once when a request with a token comes back 401, so the app can refresh or sign out. */
  onUnauthorized?: () => void;
  timeoutMs?: number;
  /** Send cookies (the owner dashboard's session cookie). */
  credentials?: RequestCredentials;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? 8000;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.getToken?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: options.credentials ?? 'same-origin',
      });
      // The body under the same timer: a connection that drops between the headers and the body would
      // otherwise leave this await (and a command queue behind it) hanging for good. A body cut short
      // is "no answer": the caller resends with the same command id, which the hub dedupes.
      text = await res.text();
    } catch (err) {
      throw new NetworkError(err instanceof Error && err.name === 'AbortError' ? 'timed out' : 'unreachable');
    } finally {
      clearTimeout(timer);
    }
    const parsed: unknown = text === '' ? undefined : safeJson(text);
    if (!res.ok) {
      const err = (parsed ?? {}) as { code?: string; message?: string; details?: unknown };
      if (res.status === 401 && token) options.onUnauthorized?.();
      throw new ApiError(
        res.status,
        err.code ?? 'HTTP_' + res.status,
        err.message ?? res.statusText,
        err.details,
      );
    }
    return parsed as T;
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    del: (path) => request('DELETE', path),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'BAD_RESPONSE', message: text.slice(0, 200) };
  }
}
