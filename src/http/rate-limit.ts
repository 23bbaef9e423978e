/**
 * The route limiter: Appwrite's fixed windows on the KV store (`KvStore.hit`: an atomic
 * `MULTI INCR + PEXPIREAT` on Redis), keyed `{ns}:{project}:rl:{preset}:{parts}`. Chosen over
 * rate-limiter-flexible because the store already implements exactly Appwrite's window scheme on the
 * same fail-fast Redis client, so there is one connection and one failure mode to reason about.
 *
 * - Clients: the route's presets. API keys: the `apiKey` budget on every route. Console admins: none.
 * - The IP is express's `req.ip`: the socket address unless `TENANTRY_TRUST_PROXY` names proxies, so a
 *   spoofed `X-Forwarded-For` from a direct client changes nothing. IPv6 is keyed by its /56.
 * - Every limited response carries `X-RateLimit-Limit/Remaining/Reset` (the tightest counter).
 * - When the store fails (Redis down), counting falls back to an in-process store, logged once per
 *   outage; requests are neither refused nor left unlimited.
 * - A route's windows are resolved when it is mounted (`rates`). A request's windows are counted at
 *   one point, `check`, in one store round trip — except those a signed-in request's session lookup
 *   already counted in its own round trip (`sessionHits`, asked for by the request's plan on every
 *   request alike, so the first request to a route is counted exactly as later ones).
 */
import type { Response } from 'express';
import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { storeKey, type HitRequest, type KvStore, type StoreScope, type WindowHit } from '../store/kv-store.ts';
import type { Project } from '../features/projects/projects.service.ts';
import { RATE_LIMITS } from '../features/limits/presets.ts';
import type { RequestContext } from './context.ts';
import type { RequestPlan, RouteLimiter, RouteRates } from './plan.ts';
import type { RouteDef, RouteLimit } from './route.ts';

/**
 * Console owner sign-up is closed after the first owner unless the instance opens it, so the
 * per-IP sign-up budget (meant for a project's public sign-up) doesn't apply there.
 */
const CONSOLE_EXEMPT: ReadonlySet<string> = new Set([RATE_LIMITS.accountCreate.name]);
/** API keys are counted by this budget on every project route (and by no route preset). */
const KEY_LIMITS: readonly RouteLimit[] = Object.freeze([RATE_LIMITS.apiKey]);
const NONE: readonly RouteLimit[] = Object.freeze([]);

interface Input { readonly body: Record<string, unknown> }

/** Who a counter is for: the parts of the request context the counter keys use. */
interface Caller {
  readonly kind: RequestContext['principal']['kind'];
  readonly project: Project | null;
  readonly ip: string;
  /** The user, owner or key ID ('' for a guest). */
  readonly id: string;
}

function callerOf(ctx: RequestContext): Caller {
  const p = ctx.principal;
  const id = p.kind === 'user' ? p.user.id : p.kind === 'owner' ? p.owner.id : p.kind === 'key' ? p.key.id : '';
  return { kind: p.kind, project: ctx.project, ip: ctx.ip, id };
}

const live = (l: RouteLimit) => l.limit > 0 && l.windowSeconds > 0;

/** `::ffff:1.2.3.4` → `1.2.3.4`; IPv6 → its /56 prefix (a client can rotate addresses inside it). */
export function limiterIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t].map((g) => parseInt(g || '0', 16));
  return `${groups.slice(0, 3).map((g) => g.toString(16)).join(':')}:${((groups[3] ?? 0) & 0xff00).toString(16)}::/56`;
}

export class KvRouteLimiter implements RouteLimiter {
  readonly #primary: KvStore;
  readonly #fallback: KvStore = createMemoryStore();
  readonly #ns: StoreScope;
  readonly #logger: Logger;
  #degraded = false;

  constructor(store: KvStore, namespace: StoreScope, logger: Logger) {
    this.#primary = store;
    this.#ns = namespace;
    this.#logger = logger;
  }

  rates(def: RouteDef): RouteRates {
    const limits = def.limits ?? [];
    return Object.freeze({
      project: Object.freeze([...limits]),
      console: Object.freeze(limits.filter((l) => !CONSOLE_EXEMPT.has(l.name))),
      resets: limits.some((l) => (l.resetOn?.length ?? 0) > 0),
    });
  }

  /** The limits that apply to this call, with the project's overrides applied (no allocation without overrides). */
  #limitsFor(rates: RouteRates, caller: Caller): readonly RouteLimit[] {
    const kind = caller.kind;
    if (kind === 'admin') return NONE;
    const project = caller.project;
    const base = kind === 'key' ? (project ? KEY_LIMITS : NONE) : project ? rates.project : rates.console;
    if (base.length === 0) return NONE;
    const overrides = project?.limits;
    let overridden = false;
    if (overrides) for (const l of base) if (overrides[l.name]) overridden = true;
    if (!overridden) return base.every(live) ? base : base.filter(live);
    return base.map((l) => (overrides![l.name] ? { ...l, limit: overrides![l.name]!.limit, windowSeconds: overrides![l.name]!.windowSeconds } : l)).filter(live);
  }

  #counterKey(l: RouteLimit, caller: Caller, input: Input): string {
    let parts = '';
    for (const k of l.key) {
      const part = k === 'ip' ? `ip=${limiterIp(caller.ip)}`
        : k === 'user' ? `user=${caller.kind === 'user' || caller.kind === 'owner' ? caller.id : ''}`
        : k === 'key' ? `key=${caller.kind === 'key' ? caller.id : ''}`
        : `email=${typeof input.body.email === 'string' ? input.body.email.trim().toLowerCase() : ''}`;
      parts = parts ? `${parts}:${part}` : part;
    }
    return storeKey(this.#ns, caller.project?.sequence ?? 0, 'rl', l.name, parts);
  }

  /**
   * The hits `check` would count on this route for end user `userId` of `project`, for the session
   * lookup to count in its round trip. Counters keyed by the user are conditional on the session
   * being that user's; a limit keyed by email is left to `check`.
   */
  sessionHits(rates: RouteRates, project: Project, ip: string, userId: string): HitRequest[] {
    const caller: Caller = { kind: 'user', project, ip, id: userId };
    const out: HitRequest[] = [];
    for (const l of this.#limitsFor(rates, caller)) {
      if (l.key.includes('email')) continue;
      const key = this.#counterKey(l, caller, { body: {} });
      out.push(l.key.includes('user') ? { key, windowMs: l.windowSeconds * 1000, onlyForUser: userId } : { key, windowMs: l.windowSeconds * 1000 });
    }
    return out;
  }

  async #withStore<T>(op: (store: KvStore) => Promise<T>): Promise<T> {
    try {
      const out = await op(this.#primary);
      if (this.#degraded) { this.#degraded = false; this.#logger.info('rate limiter: store is back, counting there again'); }
      return out;
    } catch (e) {
      if (!(e instanceof AppError) || e.type !== 'general_service_unavailable') throw e;
      if (!this.#degraded) { this.#degraded = true; this.#logger.warn('rate limiter: store unavailable, counting in-process until it is back'); }
      return op(this.#fallback);
    }
  }

  async check(plan: RequestPlan, ctx: RequestContext, body: Record<string, unknown>, res: Response): Promise<void> {
    const caller = callerOf(ctx);
    const limits = this.#limitsFor(plan.route.rates, caller);
    if (limits.length === 0) return;
    const input: Input = { body };
    const counts: Array<WindowHit | null> = [];
    let todo: HitRequest[] | null = null;
    for (const l of limits) {
      const key = this.#counterKey(l, caller, input);
      const windowMs = l.windowSeconds * 1000;
      const counted = plan.countOf(key, windowMs);
      counts.push(counted);
      if (!counted) (todo ??= []).push({ key, windowMs });
    }
    if (todo) {
      const fresh = todo;
      const out = await this.#withStore((s) => s.readAndHit([], fresh));
      let j = 0;
      for (let i = 0; i < counts.length; i++) if (!counts[i]) counts[i] = out.hits[j++] ?? null;
    }
    let t = -1;
    let exceeded = false;
    for (let i = 0; i < limits.length; i++) {
      const hit = counts[i];
      if (!hit) throw new Error(`rate limiter: window ${limits[i]!.name} was not counted`);
      if (hit.count > limits[i]!.limit) exceeded = true;
      if (t < 0 || limits[i]!.limit - hit.count < limits[t]!.limit - counts[t]!.count) t = i;
    }
    const tight = limits[t]!;
    const hit = counts[t]!;
    const limit = String(tight.limit);
    const remaining = String(Math.max(0, tight.limit - hit.count));
    const reset = String(Math.ceil(hit.resetAt / 1000));
    res.setHeader('X-RateLimit-Limit', limit);
    res.setHeader('X-RateLimit-Remaining', remaining);
    res.setHeader('X-RateLimit-Reset', reset);
    if (exceeded) {
      const retryAfter = String(Math.max(1, Math.ceil((hit.resetAt - Date.now()) / 1000)));
      throw new AppError('general_rate_limit_exceeded', { headers: { 'X-RateLimit-Limit': limit, 'X-RateLimit-Remaining': remaining, 'X-RateLimit-Reset': reset, 'Retry-After': retryAfter } });
    }
  }

  async settle(plan: RequestPlan, ctx: RequestContext, body: Record<string, unknown>, status: number): Promise<void> {
    if (!plan.route.rates.resets) return;
    const caller = callerOf(ctx);
    for (const l of this.#limitsFor(plan.route.rates, caller)) {
      if (l.resetOn?.includes(status)) await this.#withStore((s) => s.resetWindow(this.#counterKey(l, caller, { body }), l.windowSeconds * 1000));
    }
  }
}
