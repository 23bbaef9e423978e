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
 */
import type { Request, Response } from 'express';
import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { storeKey, type HitRequest, type KvStore, type StoreScope, type WindowHit } from '../store/kv-store.ts';
import type { Project } from '../features/projects/projects.service.ts';
import { RATE_LIMITS } from '../features/limits/presets.ts';
import type { RequestContext } from './context.ts';
import type { RouteLimiter } from './mount.ts';
import type { RouteDef, RouteLimit } from './route.ts';

/**
 * Console owner sign-up is closed after the first owner unless the instance opens it, so the
 * per-IP sign-up budget (meant for a project's public sign-up) doesn't apply there.
 */
const CONSOLE_EXEMPT: ReadonlySet<string> = new Set([RATE_LIMITS.accountCreate.name]);

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

/**
 * Which limiter and route an express route object belongs to, learnt on the route's first request:
 * lets authentication fold this route's window hits into its session lookup (see `userHits`).
 * Keyed by express's per-route object, so apps mounted side by side never share an entry.
 */
const learnt = new WeakMap<object, { readonly limiter: KvRouteLimiter; readonly def: RouteDef }>();

/** The limiter that will check this request's route, once it has seen that route. */
export function routeLimiterOf(req: Request): { readonly limiter: KvRouteLimiter; readonly def: RouteDef } | null {
  const route = (req as { route?: object }).route;
  return (route && learnt.get(route)) || null;
}

const hitId = (key: string, windowMs: number) => `${windowMs}|${key}`;

/** `::ffff:1.2.3.4` → `1.2.3.4`; IPv6 → its /56 prefix (a client can rotate addresses inside it). */
export function limiterIp(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
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
  /** Hits already counted for a request (during authentication), consumed by its `check`. */
  readonly #primed = new WeakMap<Response, Map<string, WindowHit>>();

  constructor(store: KvStore, namespace: StoreScope, logger: Logger) {
    this.#primary = store;
    this.#ns = namespace;
    this.#logger = logger;
  }

  /** The limits that apply to this call, with the project's overrides applied. */
  #limitsFor(def: RouteDef, caller: Caller): RouteLimit[] {
    const kind = caller.kind;
    if (kind === 'admin') return [];
    const routeLimits = (def.limits ?? []).filter((l) => caller.project || !CONSOLE_EXEMPT.has(l.name));
    const base: readonly RouteLimit[] = kind === 'key' ? (caller.project ? [RATE_LIMITS.apiKey] : []) : routeLimits;
    const overrides = caller.project?.limits ?? {};
    return base.map((l) => (overrides[l.name] ? { ...l, limit: overrides[l.name]!.limit, windowSeconds: overrides[l.name]!.windowSeconds } : l))
      .filter((l) => l.limit > 0 && l.windowSeconds > 0);
  }

  #counterKey(l: RouteLimit, caller: Caller, input: Input): string {
    const parts = l.key.map((k) => {
      switch (k) {
        case 'ip': return `ip=${limiterIp(caller.ip)}`;
        case 'user': return `user=${caller.kind === 'user' || caller.kind === 'owner' ? caller.id : ''}`;
        case 'key': return `key=${caller.kind === 'key' ? caller.id : ''}`;
        case 'email': return `email=${typeof input.body.email === 'string' ? input.body.email.trim().toLowerCase() : ''}`;
      }
    });
    return storeKey(this.#ns, caller.project?.sequence ?? 0, 'rl', l.name, ...parts);
  }

  /**
   * The hits `check` would count on this route for end user `userId` of `project`, for the caller to
   * count in its session round trip (then `prime`). Counters keyed by the user are conditional on
   * the session being that user's; a limit keyed by email is left to `check`.
   */
  userHits(def: RouteDef, project: Project, ip: string, userId: string): HitRequest[] {
    const caller: Caller = { kind: 'user', project, ip, id: userId };
    return this.#limitsFor(def, caller).filter((l) => !l.key.includes('email')).map((l) => ({
      key: this.#counterKey(l, caller, { body: {} }),
      windowMs: l.windowSeconds * 1000,
      ...(l.key.includes('user') ? { onlyForUser: userId } : {}),
    }));
  }

  /** Hands `check` the hits counted during authentication for this response's request. */
  prime(res: Response, hits: readonly HitRequest[], counted: ReadonlyArray<WindowHit | null>): void {
    const map = new Map<string, WindowHit>();
    hits.forEach((h, i) => { const c = counted[i]; if (c) map.set(hitId(h.key, h.windowMs), c); });
    if (map.size) this.#primed.set(res, map);
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

  async check(def: RouteDef, ctx: RequestContext, input: Input, res: Response): Promise<void> {
    const route = (res.req as { route?: object } | undefined)?.route;
    if (route && !learnt.has(route)) learnt.set(route, { limiter: this, def });
    const primed = this.#primed.get(res);
    if (primed) this.#primed.delete(res);
    const caller = callerOf(ctx);
    const limits = this.#limitsFor(def, caller);
    if (limits.length === 0) return;
    let tightest: { limit: RouteLimit; hit: WindowHit } | null = null;
    let exceeded = false;
    for (const l of limits) {
      const key = this.#counterKey(l, caller, input);
      const hit = primed?.get(hitId(key, l.windowSeconds * 1000)) ?? await this.#withStore((s) => s.hit(key, l.windowSeconds * 1000));
      if (hit.count > l.limit) exceeded = true;
      if (!tightest || l.limit - hit.count < tightest.limit.limit - tightest.hit.count) tightest = { limit: l, hit };
    }
    const t = tightest!;
    const headers = {
      'X-RateLimit-Limit': String(t.limit.limit),
      'X-RateLimit-Remaining': String(Math.max(0, t.limit.limit - t.hit.count)),
      'X-RateLimit-Reset': String(Math.ceil(t.hit.resetAt / 1000)),
    };
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (exceeded) {
      throw new AppError('general_rate_limit_exceeded', { headers: { ...headers, 'Retry-After': String(Math.max(1, Math.ceil((t.hit.resetAt - Date.now()) / 1000))) } });
    }
  }

  async settle(def: RouteDef, ctx: RequestContext, input: Input, status: number): Promise<void> {
    const caller = callerOf(ctx);
    for (const l of this.#limitsFor(def, caller)) {
      if (l.resetOn?.includes(status)) await this.#withStore((s) => s.resetWindow(this.#counterKey(l, caller, input), l.windowSeconds * 1000));
    }
  }
}
