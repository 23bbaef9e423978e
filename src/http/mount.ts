/**
 * Mounts route definitions: body parsing, context, access check, validation against the contract,
 * rate limits, then the thin handler. Handlers return the response body; this file sends it.
 */
import express, { type Request, type Response, type Router } from 'express';
import { AppError } from '../errors/index.ts';
import type { Services } from '../services.ts';
import { buildContext, missingScope, type EndUserResolver } from './authenticate.ts';
import { jsonBody, safeBody, assertSafeJson } from './body.ts';
import type { RequestContext } from './context.ts';
import type { Access, CookieOptions, Reply, RouteDef } from './route.ts';
import type { Validators } from './validate.ts';
import type { DeadlineHandle, RequestDeadlines } from './deadline.ts';
import type { ProjectConcurrency } from './project-concurrency.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Checks the route's rate limits for this call; sets the X-RateLimit-* headers; throws 429 at the limit. */
export interface RouteLimiter {
  check(def: RouteDef, ctx: RequestContext, input: { body: Record<string, unknown> }, res: Response): Promise<void>;
  settle(def: RouteDef, ctx: RequestContext, input: { body: Record<string, unknown> }, status: number): Promise<void>;
}

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

function publicContext(req: Request, requestId: string): RequestContext {
  return Object.freeze({
    requestId,
    ip: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? ''), origin: (req.headers.origin as string) ?? null,
    project: null, principal: { kind: 'guest' } as const, roles: ['any', 'guests'], scopes: new Set<string>(),
  });
}

export function checkAccess(ctx: RequestContext, access: Access): void {
  if (access === 'public') return;
  if (access.on === 'project' && !ctx.project) {
    throw new AppError('general_access_forbidden', { message: 'This endpoint is not available for the console project. Send the X-Appwrite-Project header with your project ID.' });
  }
  if (access.on === 'console' && ctx.project) {
    throw new AppError('general_access_forbidden', { message: 'This endpoint is only available to the console project.' });
  }
  if (!ctx.scopes.has(access.scope)) throw missingScope(ctx, access.scope);
}

/** Once the deadline has answered the request, whatever the handler still sets is dropped. */
function reply(res: Response): Reply {
  return {
    setHeader: (name, value) => { if (!res.headersSent) res.setHeader(name, value); },
    setCookie: (name: string, value: string, o: CookieOptions) => {
      if (res.headersSent) return;
      res.cookie(name, value, { expires: o.expires, httpOnly: o.httpOnly ?? true, sameSite: o.sameSite === false ? undefined : (o.sameSite ?? 'lax'), secure: o.secure, path: o.path ?? '/', encode: String });
    },
    clearCookie: (name) => { if (!res.headersSent) res.clearCookie(name, { path: '/' }); },
    status: (code) => { if (!res.headersSent) res.status(code); },
  };
}

/**
 * What the concurrency cap learns speed for (reads only): the route plus the containers it addresses (database,
 * collection, …: every path parameter but a trailing one), so listing one big collection is its own
 * shape while reads of single documents share one.
 */
function queryShape(def: RouteDef, req: Request): string {
  const segments = def.path.split('/');
  const containers = segments.slice(0, -1).filter((p) => p.startsWith(':')).map((p) => String(req.params[p.slice(1)] ?? ''));
  return `${def.method} ${def.path} ${containers.join('/')}`;
}

export function mountRoutes(router: Router, routes: readonly RouteDef[], env: MountEnv): void {
  for (const def of routes) {
    if (!env.validators.has(def.operationId)) throw new Error(`route ${def.method.toUpperCase()} ${def.path}: operationId "${def.operationId}" is missing from openapi.yaml`);
    const serve = async (req: Request, res: Response, work: DeadlineHandle | undefined): Promise<void> => {
      const requestId = String(res.locals.requestId);
      const ctx = def.access === 'public' ? publicContext(req, requestId) : await buildContext(req, requestId, env.services, env.endUsers);
      checkAccess(ctx, def.access);
      const validator = env.validators.for(def.operationId);
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      assertSafeJson(query, 'query string');
      const paramsAndQuery = { ...query, ...req.params };
      validator.params(paramsAndQuery); // coerces query strings ("false" → false, "5" → 5) in place
      for (const k of Object.keys(query)) query[k] = paramsAndQuery[k];
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      validator.body(body);
      // Always consulted: API keys have a budget on every route, clients the route's own presets.
      if (env.limiter) await env.limiter.check(def, ctx, { body }, res);
      // Project routes run under the project's concurrency cap, so its slow queries can't take the whole pool.
      const release = ctx.project && env.concurrency ? await env.concurrency.acquire(ctx.project.id, def.method === 'get' ? queryShape(def, req) : '', work?.signal) : null;
      try {
        if (work?.expired) return; // answered 503 already: don't start the work
        res.status(def.status ?? 200);
        const result = await def.handle({ ctx, params: req.params as Record<string, string>, query, body, reply: reply(res) });
        if (env.limiter) await env.limiter.settle(def, ctx, { body }, res.statusCode);
        if (res.headersSent) return; // the deadline answered meanwhile: drop the late result
        if (res.statusCode === 204 || result === undefined) res.end();
        else if (typeof result === 'string') res.type('text/plain').send(result);
        else res.json(result);
      } finally {
        release?.();
      }
    };
    const handler = async (req: Request, res: Response): Promise<void> => {
      const work = env.deadlines?.begin(req, res);
      try {
        await serve(req, res, work);
      } catch (e) {
        // Answered by the deadline: leaving the queue, or a late header (rate-limit headers) is not a failure.
        if (work?.expired && (e === work.signal.reason || (e as { code?: string }).code === 'ERR_HTTP_HEADERS_SENT')) return;
        throw env.translateError ? env.translateError(e) : e;
      } finally {
        work?.end();
      }
    };
    router[def.method](def.path, jsonBody(def.bodyLimit ?? DEFAULT_BODY_LIMIT), safeBody, handler);
  }
}

export { express };
