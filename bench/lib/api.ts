/** A small JSON client for the Tenantry API used by the seeders and the fault harness. */
import { queryString } from '../../test/support/http.ts';

export interface ApiOptions {
  readonly project?: string;
  readonly key?: string;
  readonly session?: string;
  readonly cookie?: string;
  readonly body?: unknown;
  readonly query?: Record<string, string | number | boolean | readonly string[]>;
  readonly timeoutMs?: number;
}

export interface ApiResult<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(what: string, status: number, body: unknown) {
    super(`${what}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`.slice(0, 600));
    this.status = status;
  }
}

// The same `queries[0]=…` encoding the test client uses (one implementation for both).
export { queryString };

/** Headers for a call (also used to build autocannon requests). */
export function apiHeaders(o: ApiOptions): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (o.project) h['x-appwrite-project'] = o.project;
  if (o.key) h['x-appwrite-key'] = o.key;
  if (o.session) h['x-appwrite-session'] = o.session;
  if (o.cookie) h.cookie = o.cookie;
  if (o.body !== undefined) h['content-type'] = 'application/json';
  return h;
}

export type Api = <T = any>(method: string, path: string, o?: ApiOptions) => Promise<ApiResult<T>>;

export function api(baseUrl: string): Api {
  return async (method, path, o = {}) => {
    const res = await fetch(`${baseUrl}/v1${path}${queryString(o.query)}`, {
      method,
      headers: apiHeaders(o),
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, body: body as never, headers: res.headers };
  };
}

/** Calls and insists on one of `ok` statuses; throws ApiError otherwise. */
export async function expectOk<T = any>(call: Api, what: string, method: string, path: string, o: ApiOptions = {}, ok: readonly number[] = [200, 201, 202, 204]): Promise<ApiResult<T>> {
  const r = await call<T>(method, path, o);
  if (!ok.includes(r.status)) throw new ApiError(`${what} (${method} ${path})`, r.status, r.body);
  return r;
}

/** `name=value; …` of every Set-Cookie header. */
export function cookiesFrom(headers: Headers): string {
  return headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The end-user session token from a session-creation response (cookie, or X-Fallback-Cookies). */
export function sessionTokenFrom(headers: Headers, projectId: string): string | null {
  const name = `a_session_${projectId}`;
  for (const c of headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq) === name && pair!.slice(eq + 1)) return decodeURIComponent(pair!.slice(eq + 1));
  }
  const fallback = headers.get('x-fallback-cookies');
  if (fallback) {
    try { return (JSON.parse(fallback) as Record<string, string>)[name] ?? null; } catch { return null; }
  }
  return null;
}
