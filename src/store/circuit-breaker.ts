/**
 * A circuit breaker around any KvStore. The Redis client already fails fast when Redis is gone
 * (connection refused), but a *frozen* Redis (SIGSTOP, a stalled host) costs every command its full
 * command timeout; without the breaker every request in an outage pays it. After a failure the
 * breaker opens: for `cooldownMs` every call fails at once with the same 503 AppError the Redis
 * store throws, so callers keep their policy — sessions fail closed (503, never accepted without the
 * store), rate limits fall back in-process. Then one probe (`ping`) runs in the background; success
 * closes the breaker, failure opens it for another cool-down. No request waits for a probe.
 */
import { AppError } from '../errors/index.ts';
import type { KvStore } from './kv-store.ts';

export type BreakerState = 'closed' | 'open' | 'probing';

export interface BreakerOptions {
  /** How long calls skip the store after a failure before a probe (ms). */
  readonly cooldownMs: number;
  /** Called on every state change (logs). */
  readonly onStateChange?: (state: BreakerState, cause?: unknown) => void;
}

export interface BreakerStore extends KvStore {
  readonly breaker: { readonly state: BreakerState };
}

function unavailable(cause: unknown): AppError {
  return new AppError('general_service_unavailable', { headers: { 'Retry-After': '5' }, cause });
}

export function withCircuitBreaker(store: KvStore, options: BreakerOptions): BreakerStore {
  let state: BreakerState = 'closed';
  let lastFailure: unknown = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const setState = (next: BreakerState, cause?: unknown) => {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next, cause);
  };
  const open = (cause: unknown) => {
    lastFailure = cause;
    setState('open', cause);
    if (timer || closed) return;
    timer = setTimeout(probe, options.cooldownMs);
    timer.unref();
  };
  const probe = () => {
    timer = null;
    if (closed) return;
    setState('probing');
    store.ping().then(
      () => { if (state === 'probing') setState('closed'); },
      (e: unknown) => { if (state === 'probing') open(e); },
    );
  };

  const guarded = new Map<PropertyKey, unknown>();
  const guard = (fn: (...a: unknown[]) => Promise<unknown>) => async (...args: unknown[]) => {
    if (state !== 'closed') throw unavailable(lastFailure);
    try {
      return await fn.apply(store, args);
    } catch (e) {
      // Only an unavailable store trips the breaker; a refused argument or a bug is the caller's.
      if (e instanceof AppError && e.type === 'general_service_unavailable') open(e.cause ?? e);
      throw e;
    }
  };
  const breaker = { get state() { return state; } };
  async function close(): Promise<void> {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await store.close();
  }
  // A proxy rather than a copy: every method of the store (own or inherited, present or future) is guarded.
  const wrapped = new Proxy(store, {
    get(target, name) {
      if (name === 'breaker') return breaker;
      if (name === 'close') return close;
      const value = Reflect.get(target, name, target) as unknown;
      if (typeof value !== 'function') return value;
      if (!guarded.has(name)) guarded.set(name, guard(value as (...a: unknown[]) => Promise<unknown>));
      return guarded.get(name);
    },
  });
  return wrapped as unknown as BreakerStore;
}
