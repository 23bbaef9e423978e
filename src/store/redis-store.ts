import { Redis } from 'ioredis';
import { AppError } from '../errors/index.ts';
import { windowStart, type KvStore } from './kv-store.ts';

/** Every Redis failure becomes one typed 503, so callers choose fail-closed (sessions) or a fallback (limits). */
function unavailable(cause: unknown): AppError {
  return new AppError('general_service_unavailable', { headers: { 'Retry-After': '5' }, cause });
}

function failFast(store: KvStore): KvStore {
  const wrapped = { kind: store.kind } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(store)) {
    if (typeof fn !== 'function' || name === 'close') { if (name === 'close') wrapped[name] = fn; continue; }
    wrapped[name] = async (...args: unknown[]) => {
      try { return await (fn as (...a: unknown[]) => Promise<unknown>)(...args); } catch (e) { throw unavailable(e); }
    };
  }
  return wrapped as unknown as KvStore;
}

/**
 * Redis store. The client fails fast: no offline queue, no per-command retries, short connect and
 * command timeouts — so a Redis outage turns into an immediate error (503 upstream) instead of a hang.
 * It keeps reconnecting in the background and recovers on its own.
 */
export async function createRedisStore(url: string, options: { commandTimeoutMs?: number } = {}): Promise<KvStore> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    enableReadyCheck: true,
  });
  redis.on('error', () => { /* surfaced per command; the client keeps reconnecting */ });
  await redis.connect();
  const windowKey = (key: string, windowMs: number, now: number) => `${key}:${windowStart(now, windowMs)}`;

  return failFast({
    kind: 'redis',
    get: (key) => redis.get(key),
    async set(key, value, ttlMs) {
      if (ttlMs) await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
      else await redis.set(key, value);
    },
    async del(...keys) { if (keys.length) await redis.del(...keys); },
    hget: (key, field) => redis.hget(key, field),
    async hset(key, field, value) { await redis.hset(key, field, value); },
    async hdel(key, ...fields) { if (fields.length) await redis.hdel(key, ...fields); },
    hgetall: (key) => redis.hgetall(key),
    async hit(key, windowMs, now = Date.now()) {
      const k = windowKey(key, windowMs, now);
      const resetAt = windowStart(now, windowMs) + windowMs;
      const res = await redis.multi().incr(k).pexpireat(k, resetAt).exec();
      const count = Number(res?.[0]?.[1] ?? 0);
      return { count, resetAt };
    },
    async peek(key, windowMs, now = Date.now()) {
      return Number((await redis.get(windowKey(key, windowMs, now))) ?? 0);
    },
    async resetWindow(key, windowMs, now = Date.now()) { await redis.del(windowKey(key, windowMs, now)); },
    async ping() { await redis.ping(); },
    async close() { redis.disconnect(); },
  });
}
