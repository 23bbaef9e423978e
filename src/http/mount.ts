/**
 * Mounts route definitions. Each route's plan (`plan.ts`) is computed here, once; a request that
 * matches builds its `RequestPlan` and goes, with it: body parsing and the prototype-key check,
 * context (authentication, which counts the route's windows in its session round trip), access
 * check, validation against the contract, rate limits, the project's concurrency cap, then the thin
 * handler. Handlers return the response body; this file sends it.
 */
import express, { type Request, type Response, type Router } from 'express';
import { AppError } from '../errors/index.ts';
import type { Services } from '../services.ts';
import { buildContext, missingScope, publicContext, type EndUserResolver } from './authenticate.ts';
import { jsonBody, assertSafeJson } from './body.ts';
import { stringifyExact } from '../lib/exact-json.ts';
import type { RequestContext } from './context.ts';
import { RequestPlan, type RouteLimiter, type RoutePlan, type RouteRates } from './plan.ts';
import type { Access, CookieOptions, Reply, RouteDef } from './route.ts';
import type { RequestValidator, Validators } from './validate.ts';
import type { DeadlineHandle, RequestDeadlines } from './deadline.ts';
import type { ProjectConcurrency } from './project-concurrency.ts';

export type { RouteLimiter } from './plan.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface MountEnv {
  readonly services: Services;
  readonly validators: Validators;
  readonly endUsers: EndUserResolver | null;
  readonly limiter: RouteLimiter | null;
  /** Per-request deadline (503 + Retry-After) and the count of running handlers; absent = none. */
  readonly deadlines?: RequestDeadlines | null;
  /** Per-project cap on running requests (project routes only); absent = none. */
  readonly concurrency?: ProjectConcurrency | null;
  /** Last-chance mapping of driver errors that escaped the database layer (DDL paths) to typed errors. */
  readonly translateError?: (e: unknown) => unknown;
}

export function checkAccess(ctx: RequestContext, access: Access): void {
  if (access === 'public') return;
  if (access.on === 'project' && !ctx.project) {
    throw new AppError('general_access_forbidden', { message: 'This endpoint is not available for the console project. Send the X-Appwrite-Project header with your project ID.' });
  }
  if (access.on === 'console' && ctx.project) {
    throw new AppError('general_access_forbidden', { message: 'This endpoint is only available to the console project.' });
  }
  if (typeof access.scope === 'string') {
    if (!ctx.scopes.has(access.scope)) throw missingScope(ctx, access.scope);
  } else if (!access.scope.some((s) => ctx.scopes.has(s))) {
    throw missingScope(ctx, access.scope[0]!);
  }
}

/** What a handler may add to its response. Once the deadline has answered the request, whatever the handler still sets is dropped. */
class ResponseReply implements Reply {
  readonly #res: Response;
  constructor(res: Response) { this.#res = res; }
  setHeader(name: string, value: string): void { if (!this.#res.headersSent) this.#res.setHeader(name, value); }
  setCookie(name: string, value: string, o: CookieOptions): void {
    if (this.#res.headersSent) return;
    this.#res.cookie(name, value, { expires: o.expires, httpOnly: o.httpOnly ?? true, sameSite: o.sameSite === false ? undefined : (o.sameSite ?? 'lax'), secure: o.secure, path: o.path ?? '/', encode: String });
  }
  clearCookie(name: string): void { if (!this.#res.headersSent) this.#res.clearCookie(name, { path: '/' }); }
  status(code: number): void { if (!this.#res.headersSent) this.#res.status(code); }
}

const NO_RATES: RouteRates = Object.freeze({ project: [], console: [], resets: false });
/** The query of a request without a query string: shared, so frozen (nothing may write into it). */
const EMPTY_QUERY = Object.freeze({}) as Record<string, unknown>;

/** The route's plan: everything about it that does not depend on the request. */
function planRoute(def: RouteDef, env: MountEnv): RoutePlan {
  // Reads are shaped by the route plus the containers they address (database, collection, …: every
  // path parameter but a trailing one), so listing one big collection is its own shape while reads
  // of single documents share one. Writes are unshaped: the schema bounds their cost.
  const shapeParams = def.path.split('/').slice(0, -1).filter((p) => p.startsWith(':')).map((p) => p.slice(1));
  let validator: RequestValidator | null = null;
  return Object.freeze({
    def,
    access: def.access,
    limiter: env.limiter,
    rates: env.limiter ? env.limiter.rates(def) : NO_RATES,
    shaped: def.method === 'get',
    shapePrefix: `${def.method} ${def.path} `,
    shapeParams,
    validator: () => (validator ??= env.validators.compile(def.operationId)),
  });
}

/** The concurrency shape of a read: the route and the containers it addresses. */
function shapeOf(route: RoutePlan, params: Readonly<Record<string, string>>): string {
  if (!route.shaped) return '';
  let shape = route.shapePrefix;
  for (let i = 0; i < route.shapeParams.length; i++) shape += (i ? '/' : '') + (params[route.shapeParams[i]!] ?? '');
  return shape;
}

/**
 * `res.json` without express's detour: no ETag to hash, no freshness check (API responses carry no
 * validators), no copy of a large body into a Buffer first; the same status, headers and bytes.
 */
function sendJson(res: Response, result: unknown): void {
  const body = stringifyExact(result); // a BigInt (an exact int64 echoed from a request) as its literal
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

async function serve(route: RoutePlan, env: MountEnv, req: Request, res: Response, work: DeadlineHandle | undefined): Promise<void> {
  const def = route.def;
  // The query string, parsed once (express's `req.query` getter parses it again on every read).
  const empty = !req.url.includes('?');
  const query = empty ? EMPTY_QUERY : (req.query as Record<string, unknown>);
  const plan = new RequestPlan(route, query, req.ip ?? req.socket.remoteAddress ?? '', req.params as Record<string, string>);
  const requestId = String(res.locals.requestId);
  const ctx = route.access === 'public' ? publicContext(req, requestId, plan) : await buildContext(req, requestId, env.services, env.endUsers, plan);
  checkAccess(ctx, route.access);
  const validator = route.validator();
  const params = req.params as Record<string, string>;
  validator.path(params);
  if (!empty) assertSafeJson(query, 'query string');
  validator.query(query, empty); // coerces query strings ("false" → false, "5" → 5) in place
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  validator.body(body);
  // Always consulted: API keys have a budget on every route, clients the route's own presets.
  if (route.limiter) await route.limiter.check(plan, ctx, body, res);
  // Project routes run under the project's concurrency cap, so its slow queries can't take the whole pool.
  let release: (() => void) | null = null;
  if (ctx.project && env.concurrency) {
    const shape = shapeOf(route, params);
    release = env.concurrency.tryAcquire(ctx.project.id, shape) ?? await env.concurrency.acquire(ctx.project.id, shape, work?.signal);
  }
  try {
    if (work?.expired) return; // answered 503 already: don't start the work
    res.status(def.status ?? 200);
    const result = await def.handle({ ctx, params, query, body, reply: new ResponseReply(res), totals: plan.totals });
    if (route.limiter) await route.limiter.settle(plan, ctx, body, res.statusCode);
    if (res.headersSent) return; // the deadline answered meanwhile: drop the late result
    if (res.statusCode === 204 || result === undefined) res.end();
    else if (typeof result === 'string') res.type('text/plain').send(result);
    else sendJson(res, result);
  } finally {
    release?.();
  }
}

/**
 * Mounts `routes` on `router`, grouped by their first path segment into sub-routers: express tries
 * a request against every route in turn, so one level of grouping spares a document request the
 * match against a hundred account, project and user routes. Paths with different first segments
 * never overlap, and within a group the order is kept, so which route answers is unchanged; each
 * route keeps its full path as `req.route.path` (the request log names it).
 */
export function mountRoutes(router: Router, routes: readonly RouteDef[], env: MountEnv): void {
  const groups = new Map<string, Router>();
  for (const def of routes) {
    if (!env.validators.has(def.operationId)) throw new Error(`route ${def.method.toUpperCase()} ${def.path}: operationId "${def.operationId}" is missing from openapi.yaml`);
    const route = planRoute(def, env);
    const parse = jsonBody(def.bodyLimit ?? DEFAULT_BODY_LIMIT);
    const handler = async (req: Request, res: Response): Promise<void> => {
      // Prototype keys and absurd nesting are refused before any recursive code sees the body.
      assertSafeJson(req.body);
      const work = env.deadlines?.begin(req, res);
      try {
        await serve(route, env, req, res, work);
      } catch (e) {
        // Answered by the deadline: leaving the queue, or a late header (rate-limit headers) is not a failure.
        if (work?.expired && (e === work.signal.reason || (e as { code?: string }).code === 'ERR_HTTP_HEADERS_SENT')) return;
        throw env.translateError ? env.translateError(e) : e;
      } finally {
        work?.end();
      }
    };
    const first = /^\/[^/:*?]+/.exec(def.path)?.[0];
    let target = router;
    let path = def.path;
    if (first) {
      let group = groups.get(first);
      if (!group) { group = express.Router({ strict: false }); groups.set(first, group); router.use(first, group); }
      target = group;
      path = def.path.slice(first.length) || '/';
    }
    const r = target.route(path);
    (r as { path: string }).path = def.path;
    r[def.method](parse, handler);
  }
}

export { express };
