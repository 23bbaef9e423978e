/** A small fetch wrapper for tests: project/key/session/cookie headers, JSON in and out. */
import assert from 'node:assert/strict';
export interface CallOptions {
  readonly project?: string;
  readonly key?: string;
  readonly session?: string;
  readonly jwt?: string;
  readonly cookie?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string | number | boolean | readonly string[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests; assertions check them
export interface CallResult<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
  readonly text: string;
}

export function queryString(query: CallOptions['query']): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) v.forEach((item, i) => { parts.push(`${encodeURIComponent(`${k}[${i}]`)}=${encodeURIComponent(String(item))}`); });
    else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export function client(baseUrl: string) {
  // biome-ignore lint/suspicious/noExplicitAny: as CallResult
  return async function call<T = any>(method: string, path: string, o: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
    if (o.project) headers['x-appwrite-project'] = o.project;
    if (o.key) headers['x-appwrite-key'] = o.key;
    if (o.session) headers['x-appwrite-session'] = o.session;
    if (o.jwt) headers['x-appwrite-jwt'] = o.jwt;
    if (o.cookie) headers.cookie = o.cookie;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}/v1${path}${queryString(o.query)}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json') && text) body = JSON.parse(text);
    return { status: res.status, body: body as T, headers: res.headers, text };
  };
}

export type Client = ReturnType<typeof client>;

/** `name=value` pairs of every Set-Cookie header, ready to send back as a Cookie header. */
export function cookiesFrom(headers: Headers): string {
  return headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Asserts the status (the body is in the message) and returns the result, for set-up writes. */
export function expectStatus<T extends CallResult>(res: T, status: number): T {
  assert.equal(res.status, status, `expected ${status}: ${res.text}`);
  return res;
}

/** Asserts an Appwrite error: status and `type` together (a type alone passes with the wrong status). */
export function expectError(res: CallResult, status: number, type: string, message?: string): void {
  assert.equal(res.status, status, `expected ${status} ${type}: ${res.text}`);
  assert.equal(res.body.type, type, res.text);
  assert.equal(res.body.code, status, res.text);
  if (message !== undefined) assert.equal(res.body.message, message);
}
