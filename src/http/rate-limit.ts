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
import type { Response } from 'express';
import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { storeKey, type KvStore, type WindowHit } from '../store/kv-store.ts';
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
  readonly #ns: string;
  readonly #logger: Logger;
  #degraded = false;

  constructor(store: KvStore, namespace: string, logger: Logger) {
    this.#primary = store;
    this.#ns = namespace;
    this.#logger = logger;
  }

  /** The limits that apply to this call, with the project's overrides applied. */
  #limitsFor(def: RouteDef, ctx: RequestContext): RouteLimit[] {
    const kind = ctx.principal.kind;
    if (kind === 'admin') return [];
    const routeLimits = (def.limits ?? []).filter((l) => ctx.project || !CONSOLE_EXEMPT.has(l.name));
    const base: readonly RouteLimit[] = kind === 'key' ? (ctx.project ? [RATE_LIMITS.apiKey] : []) : routeLimits;
    const overrides = ctx.project?.limits ?? {};
    return base.map((l) => (overrides[l.name] ? { ...l, limit: overrides[l.name]!.limit, windowSeconds: overrides[l.name]!.windowSeconds } : l))
      .filter((l) => l.limit > 0 && l.windowSeconds > 0);
  }

  #counterKey(l: RouteLimit, ctx: RequestContext, input: Input): string {
    const p = ctx.principal;
    const parts = l.key.map((k) => {
      switch (k) {
        case 'ip': return `ip=${limiterIp(ctx.ip)}`;
        case 'user': return `user=${p.kind === 'user' ? p.user.id : p.kind === 'owner' ? p.owner.id : ''}`;
        case 'key': return `key=${p.kind === 'key' ? p.key.id : ''}`;
        case 'email': return `email=${typeof input.body.email === 'string' ? input.body.email.trim().toLowerCase() : ''}`;
      }
    });
    return storeKey(this.#ns, ctx.project?.sequence ?? 0, 'rl', l.name, ...parts);
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
    const limits = this.#limitsFor(def, ctx);
    if (limits.length === 0) return;
    let tightest: { limit: RouteLimit; hit: WindowHit } | null = null;
    let exceeded = false;
    for (const l of limits) {
      const hit = await this.#withStore((s) => s.hit(this.#counterKey(l, ctx, input), l.windowSeconds * 1000));
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
    for (const l of this.#limitsFor(def, ctx)) {
      if (l.resetOn?.includes(status)) await this.#withStore((s) => s.resetWindow(this.#counterKey(l, ctx, input), l.windowSeconds * 1000));
    }
  }
}
