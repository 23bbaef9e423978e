/**
 * A thin typed client over the contract. Types come from `schema.d.ts` (generated from openapi.yaml
 * by `npm run sdk`); this wrapper adds the project/key/session headers and Appwrite-style errors.
 *
 *   const api = createClient({ endpoint: 'http://localhost:8080/v1', project: 'my-project', key: 'standard_…' });
 *   const keys = await api.request('get', '/projects/{projectId}/keys', { path: { projectId: 'p' } });
 */
import type { paths } from './schema.d.ts';

export type { paths, components } from './schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never;
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type PathParams<O> = O extends { parameters: { path?: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? X : never;
type Success<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? (R[S] extends { content: { 'application/json': infer B } } ? B : undefined) : never }[keyof R]
  : never;

export interface ClientOptions {
  endpoint: string;
  project?: string;
  key?: string;
  session?: string;
  jwt?: string;
  /** Extra headers (e.g. `X-Appwrite-Mode: admin` for a console owner working on a project). */
  headers?: Record<string, string>;
  /** `include` in browsers so the session cookie travels (the console uses this). */
  credentials?: 'include' | 'omit' | 'same-origin';
  fetch?: typeof fetch;
}

export class TenantryError extends Error {
  readonly code: number;
  readonly type: string;
  constructor(message: string, code: number, type: string) {
    super(message);
    this.name = 'TenantryError';
    this.code = code;
    this.type = type;
  }
}

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch;
  async function request<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    args: { path?: PathParams<Op<P, M>>; query?: QueryParams<Op<P, M>>; body?: JsonBody<Op<P, M>>; headers?: Record<string, string> } = {},
  ): Promise<Success<Op<P, M>>> {
    let url = options.endpoint.replace(/\/+$/, '') + String(path).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String((args.path as Record<string, unknown> | undefined)?.[k] ?? '')));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries((args.query ?? {}) as Record<string, unknown>)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) v.forEach((item, i) => qs.append(`${k}[${i}]`, String(item)));
      else qs.append(k, String(v));
    }
    if ([...qs].length) url += `?${qs}`;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...args.headers };
    if (options.project) headers['x-appwrite-project'] = options.project;
    if (options.key) headers['x-appwrite-key'] = options.key;
    if (options.session) headers['x-appwrite-session'] = options.session;
    if (options.jwt) headers['x-appwrite-jwt'] = options.jwt;
    if (args.body !== undefined) headers['content-type'] = 'application/json';
    const res = await doFetch(url, { method: method.toUpperCase(), headers, body: args.body === undefined ? undefined : JSON.stringify(args.body), credentials: options.credentials });
    const text = await res.text();
    const data = text && (res.headers.get('content-type') ?? '').includes('application/json') ? JSON.parse(text) : text;
    if (!res.ok) throw new TenantryError(data?.message ?? res.statusText, res.status, data?.type ?? 'general_unknown');
    return (res.status === 204 ? undefined : data) as Success<Op<P, M>>;
  }
  return { request };
}
