/**
 * Route definitions. Every route names its OpenAPI `operationId` (its request is validated against
 * that operation) and declares its access — there is no default: `public` must be said.
 */
import type { RequestContext } from './context.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * - `public`: anyone, no project needed (health, ping).
 * - `{ scope, on }`: the caller must hold `scope`; `on` says whether the route serves projects,
 *   the console project, or both (the account routes serve owners and end users alike).
 */
export type Access = 'public' | { readonly scope: string; readonly on: 'project' | 'console' | 'any' };

export interface CookieOptions { readonly expires?: Date; readonly httpOnly?: boolean; readonly sameSite?: 'none' | 'lax' | 'strict' | false; readonly secure?: boolean; readonly path?: string }

/** What a handler may add to its response besides the body. */
export interface Reply {
  setHeader(name: string, value: string): void;
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string): void;
  status(code: number): void;
}

export interface Call {
  readonly ctx: RequestContext;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
  readonly reply: Reply;
}

/** Per-route rate limit (fixed window). `key` lists what the counter is keyed on, besides the project and route. */
export interface RouteLimit {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
  readonly key: ReadonlyArray<'ip' | 'user' | 'key' | 'email'>;
  /** Status codes that reset the counter (e.g. 201 on sign-in). */
  readonly resetOn?: readonly number[];
}

export interface RouteDef {
  readonly method: Method;
  /** Express 5 path under `/v1`, e.g. `/projects/:projectId/keys`. */
  readonly path: string;
  readonly operationId: string;
  readonly access: Access;
  /** Success status (default 200); 204 sends no body. */
  readonly status?: number;
  readonly limits?: readonly RouteLimit[];
  /** Body size limit in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  handle(call: Call): Promise<unknown>;
}

export function route(def: RouteDef): RouteDef {
  return def;
}
