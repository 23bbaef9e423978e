import { Redis } from 'ioredis';
import { AppError } from '../errors/index.ts';
import { windowStart, type HitRequest, type KvStore, type ReadAndHit } from './kv-store.ts';

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
 * `readAndHit` in one round trip. KEYS: the reads, then the window counters. ARGV: the number of
 * reads, then per counter its window end and the user it is conditional on ('' = always). A
 * conditional counter is counted only when the first read is a session of that user, so a forged
 * token naming someone else's ID can't spend their budget. Returns the reads, then the counts (-1 =
 * not counted).
 */
const READ_AND_HIT = `
local n = tonumber(ARGV[1])
local out = {}
for i = 1, n do out[i] = redis.call('GET', KEYS[i]) end
local owner = false
if out[1] then
  local ok, rec = pcall(cjson.decode, out[1])
  if ok and type(rec) == 'table' and type(rec.userId) == 'string' then owner = rec.userId end
end
for j = n + 1, #KEYS do
  local a = 2 + (j - n - 1) * 2
  local only = ARGV[a + 1]
  if only == '' or only == owner then
    out[j] = redis.call('INCR', KEYS[j])
    redis.call('PEXPIREAT', KEYS[j], ARGV[a])
  else
    out[j] = -1
  end
end
return out
`;

/** `writeBegin` in one command: KEYS: inflight; ARGV: its TTL in ms. */
const WRITE_BEGIN = `
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`;

/**
 * `writeEnd`. KEYS: inflight, version. ARGV: the seed for a missing version, 1 when the writer was
 * counted in inflight. The version is bumped first; the writer is uncounted without ever going below
 * zero (a count that expired meanwhile stays gone).
 */
const WRITE_END = `
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('INCR', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[1]) end
if ARGV[2] == '1' then
  local n = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
  if n > 1 then redis.call('DECR', KEYS[1]) else redis.call('DEL', KEYS[1]) end
end
return 1
`;

type ReadAndHitCommand = (numKeys: number, ...args: Array<string | number>) => Promise<Array<string | number | null>>;

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
  redis.defineCommand('tenantryReadAndHit', { lua: READ_AND_HIT });
  const readAndHitCommand = (redis as unknown as { tenantryReadAndHit: ReadAndHitCommand }).tenantryReadAndHit.bind(redis);
  redis.defineCommand('tenantryWriteBegin', { lua: WRITE_BEGIN, numberOfKeys: 1 });
  const writeBeginCommand = (redis as unknown as { tenantryWriteBegin: (...args: Array<string | number>) => Promise<unknown> }).tenantryWriteBegin.bind(redis);
  redis.defineCommand('tenantryWriteEnd', { lua: WRITE_END, numberOfKeys: 2 });
  const writeEndCommand = (redis as unknown as { tenantryWriteEnd: (...args: Array<string | number>) => Promise<unknown> }).tenantryWriteEnd.bind(redis);

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
    async readAndHit(keys, hits: readonly HitRequest[], now = Date.now()): Promise<ReadAndHit> {
      const counters = hits.map((h) => windowKey(h.key, h.windowMs, now));
      const args = hits.flatMap((h) => [windowStart(now, h.windowMs) + h.windowMs, h.onlyForUser ?? '']);
      const res = await readAndHitCommand(keys.length + counters.length, ...keys, ...counters, keys.length, ...args);
      const values = keys.map((_, i) => (typeof res[i] === 'string' ? res[i] : null));
      const counted = hits.map((h, j) => {
        const count = Number(res[keys.length + j] ?? -1);
        return count < 0 ? null : { count, resetAt: windowStart(now, h.windowMs) + h.windowMs };
      });
      return { values, hits: counted };
    },
    async writeBegin(inflight, ttlMs) {
      await writeBeginCommand(inflight, Math.max(1, Math.ceil(ttlMs)));
    },
    async writeEnd(inflight, version, seed, counted) {
      await writeEndCommand(inflight, version, seed, counted ? '1' : '0');
    },
    async setIfAbsent(key, value) { await redis.set(key, value, 'NX'); },
    async ping() { await redis.ping(); },
    async close() { redis.disconnect(); },
  });
}
