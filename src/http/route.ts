/**
 * Route definitions. Every route names its OpenAPI `operationId` (its request is validated against
 * that operation) and declares its access — there is no default: `public` must be said.
 *
 * `route()` is generic over the operationId: the handler's `call.params`, `call.query` and `call.body`
 * are typed from the contract (`sdk/schema.d.ts`, generated from openapi.yaml), so handlers read
 * validated inputs without casts, and a contract change that a handler doesn't follow fails `tsc`.
 */
import type { operations } from '../../sdk/schema.d.ts';
import type { RequestContext } from './context.ts';
import type { TotalsSnapshot } from '../store/kv-store.ts';

/** Every operationId of the contract. */
export type OperationId = keyof operations;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * - `public`: anyone, no project needed (health, ping).
 * - `{ scope, on }`: the caller must hold `scope` (a list: any one of them, as Appwrite's TablesDB routes); `on` says whether the route serves projects,
 *   the console project, or both (the account routes serve owners and end users alike).
 */
export type Access = 'public' | { readonly scope: string | readonly string[]; readonly on: 'project' | 'console' | 'any' };

export interface CookieOptions { readonly expires?: Date; readonly httpOnly?: boolean; readonly sameSite?: 'none' | 'lax' | 'strict' | false; readonly secure?: boolean; readonly path?: string }

/** What a handler may add to its response besides the body. */
export interface Reply {
  setHeader(name: string, value: string): void;
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string): void;
  status(code: number): void;
}

/** What the mount layer hands a handler, before the operation's types are applied. */
export interface Call {
  readonly ctx: RequestContext;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
  readonly reply: Reply;
  /** A document list's total-cache counters, read in the session round trip (plan.ts); absent otherwise. */
  readonly totals?: TotalsSnapshot | null;
}

type NoFields = Readonly<Record<string, never>>;
type JsonOf<B> = B extends { content: { 'application/json': infer T } } ? T : never;
type Or<T, Fallback> = [T] extends [never] ? Fallback : T;
type Parameters<K extends OperationId> = operations[K]['parameters'];
/** A JSON body; an optional one may be absent (the mount layer then hands `{}`), so its fields are too. */
type BodyOf<K extends OperationId> = undefined extends operations[K]['requestBody']
  ? Or<Partial<JsonOf<NonNullable<operations[K]['requestBody']>>>, NoFields>
  : Or<JsonOf<operations[K]['requestBody']>, NoFields>;

/** A handler's input for operation `K`: path, query (coerced by the validator) and body, typed from the contract. */
export interface OperationCall<K extends OperationId> {
  readonly ctx: RequestContext;
  readonly params: Readonly<Or<NonNullable<Parameters<K>['path']>, NoFields>>;
  readonly query: Readonly<Or<NonNullable<Parameters<K>['query']>, NoFields>>;
  readonly body: Readonly<BodyOf<K>>;
  readonly reply: Reply;
  readonly totals?: TotalsSnapshot | null;
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
  readonly operationId: OperationId;
  readonly access: Access;
  /** Success status (default 200); 204 sends no body. */
  readonly status?: number;
  readonly limits?: readonly RouteLimit[];
  /** Body size limit in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  handle(call: Call): Promise<unknown>;
}

/** A route as written: its handler sees operation `K`'s typed inputs. */
export interface OperationRoute<K extends OperationId> extends Omit<RouteDef, 'operationId' | 'handle'> {
  readonly operationId: K;
  handle(call: OperationCall<K>): Promise<unknown>;
}

/**
 * Declares a route. The mount layer validates (and coerces) every request against operation `K`'s
 * schema before the handler runs, which is what makes the typed view of `Call` below sound.
 */
export function route<K extends OperationId>(def: OperationRoute<K>): RouteDef {
  return def as unknown as RouteDef;
}
