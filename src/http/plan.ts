/**
 * The per-request plan. What a request needs to know about its route — the definition, its access
 * rule, its rate-limit windows, its concurrency shape, its validator — is computed once per route
 * when it is mounted (`RoutePlan`); when the route matches, `mount.ts` builds one `RequestPlan` from
 * it and passes it explicitly through authentication, rate limiting and the handler. Nothing is
 * learnt from earlier requests: the first request to a route takes exactly the path later ones do.
 */
import type { Response } from 'express';
import type { HitRequest, TotalsSnapshot, WindowHit } from '../store/kv-store.ts';
import type { Project } from '../features/projects/projects.service.ts';
import type { RequestContext } from './context.ts';
import type { Access, RouteDef, RouteLimit } from './route.ts';
import type { RequestValidator } from './validate.ts';

/** A route's rate-limit windows, resolved at mount time (before any project's overrides). */
export interface RouteRates {
  /** Counted for a project's clients (end users and guests). */
  readonly project: readonly RouteLimit[];
  /** Counted for console clients (the console-exempt presets left out). */
  readonly console: readonly RouteLimit[];
  /** Some window is reset by the response's status (`resetOn`): `settle` has work to do. */
  readonly resets: boolean;
}

/**
 * Counts a request's rate-limit windows. `check` is the one point where a request's windows are
 * counted: the hits not already taken by the session round trip (`RequestPlan.sessionHits`) are
 * counted there, all in one store round trip.
 */
export interface RouteLimiter {
  /** The route's windows (mount time). */
  rates(def: RouteDef): RouteRates;
  /** The hits the request would count as end user `userId` of `project`: sent along in the session round trip. */
  sessionHits(rates: RouteRates, project: Project, ip: string, userId: string): readonly HitRequest[];
  /** Counts the request's windows not counted yet; sets the X-RateLimit-* headers; throws 429 at the limit. */
  check(plan: RequestPlan, ctx: RequestContext, body: Record<string, unknown>, res: Response): Promise<void>;
  /** Resets windows whose `resetOn` names the response's status. */
  settle(plan: RequestPlan, ctx: RequestContext, body: Record<string, unknown>, status: number): Promise<void>;
}

/** Everything about a route that does not depend on the request, computed when it is mounted. */
export interface RoutePlan {
  readonly def: RouteDef;
  readonly access: Access;
  readonly limiter: RouteLimiter | null;
  readonly rates: RouteRates;
  /**
   * The concurrency shape of a read (see `project-concurrency.ts`): `shapePrefix` + the values of
   * `shapeParams` (every path parameter but a trailing one). Writes are unshaped (project cap only).
   */
  readonly shaped: boolean;
  readonly shapePrefix: string;
  readonly shapeParams: readonly string[];
  /** The route's validator: compiled (ajv) on the route's first request, then reused. */
  validator(): RequestValidator;
}

/** What the session lookup counts in its round trip (see `EndUserResolver.resolve`). */
export interface SessionTrip {
  /** The hits to count when the token names user `userId`. */
  sessionHits(project: Project, userId: string): readonly HitRequest[];
  /** Receives those hits and their counts (null: not counted, the session was not that user's). */
  counted(hits: readonly HitRequest[], counts: ReadonlyArray<WindowHit | null>): void;
  /** The route's operation, path parameters and query: a document list reads its total-cache counters in the same round trip. */
  readonly operationId?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, unknown>>;
  /** Receives those counters (src/features/documents/total-cache.ts). */
  totals?: TotalsSnapshot | null;
}

const NO_HITS: readonly HitRequest[] = Object.freeze([]);
const NO_COUNTS: ReadonlyArray<WindowHit | null> = Object.freeze([]);
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** One request through one route: built when the route matches, passed explicitly to each step. */
export class RequestPlan implements SessionTrip {
  readonly route: RoutePlan;
  /** The parsed query string (parsed once: express re-parses on every `req.query` read). */
  readonly query: Record<string, unknown>;
  /** The client address as the limiter and the context see it (express's `req.ip`, read once). */
  readonly ip: string;
  /** The path parameters (express's `req.params`). */
  readonly params: Readonly<Record<string, string>>;
  /** The list's total-cache counters, when the session round trip read them. */
  totals: TotalsSnapshot | null = null;
  #hits: readonly HitRequest[] = NO_HITS;
  #counts: ReadonlyArray<WindowHit | null> = NO_COUNTS;

  constructor(route: RoutePlan, query: Record<string, unknown>, ip: string, params: Readonly<Record<string, string>> = NO_PARAMS) {
    this.route = route;
    this.query = query;
    this.ip = ip;
    this.params = params;
  }

  get operationId(): string { return this.route.def.operationId; }

  sessionHits(project: Project, userId: string): readonly HitRequest[] {
    const limiter = this.route.limiter;
    return limiter ? limiter.sessionHits(this.route.rates, project, this.ip, userId) : NO_HITS;
  }

  counted(hits: readonly HitRequest[], counts: ReadonlyArray<WindowHit | null>): void {
    this.#hits = hits;
    this.#counts = counts;
  }

  /** The count window `key` already got in this request's session round trip, if it was counted there. */
  countOf(key: string, windowMs: number): WindowHit | null {
    for (let i = 0; i < this.#hits.length; i++) {
      const h = this.#hits[i]!;
      if (h.key === key && h.windowMs === windowMs) return this.#counts[i] ?? null;
    }
    return null;
  }
}
