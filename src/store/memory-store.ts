import { windowStart, type KvStore, type ReadAndHit, type WindowHit } from './kv-store.ts';
import { parseJson } from '../lib/json.ts';

interface Entry { value: string | Map<string, string> | number; expiresAt: number }

/** In-process store for the embedded default (one process). Expired entries are swept lazily and every minute. */
export function createMemoryStore(): KvStore {
  const map = new Map<string, Entry>();
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [k, e] of map) if (e.expiresAt <= now) map.delete(k);
  }, 60_000);
  sweeper.unref();

  const live = (key: string): Entry | undefined => {
    const e = map.get(key);
    if (e && e.expiresAt <= Date.now()) { map.delete(key); return undefined; }
    return e;
  };
  const hash = (key: string, create: boolean): Map<string, string> | undefined => {
    const e = live(key);
    if (e && e.value instanceof Map) return e.value;
    if (!create) return undefined;
    const m = new Map<string, string>();
    map.set(key, { value: m, expiresAt: Infinity });
    return m;
  };
  const windowKey = (key: string, windowMs: number, now: number) => `${key}:${windowStart(now, windowMs)}`;

  const store: KvStore = {
    kind: 'memory',
    async get(key) {
      const e = live(key);
      return e && typeof e.value === 'string' ? e.value : null;
    },
    async set(key, value, ttlMs) {
      map.set(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Infinity });
    },
    async del(...keys) { for (const k of keys) map.delete(k); },
    async hget(key, field) { return hash(key, false)?.get(field) ?? null; },
    async hset(key, field, value) { hash(key, true)!.set(field, value); },
    async hdel(key, ...fields) {
      const h = hash(key, false);
      if (!h) return;
      for (const f of fields) h.delete(f);
      if (h.size === 0) map.delete(key);
    },
    async hgetall(key) { return Object.fromEntries(hash(key, false) ?? []); },
    async hit(key, windowMs, now = Date.now()): Promise<WindowHit> {
      const k = windowKey(key, windowMs, now);
      const resetAt = windowStart(now, windowMs) + windowMs;
      const e = live(k);
      const count = (typeof e?.value === 'number' ? e.value : 0) + 1;
      map.set(k, { value: count, expiresAt: resetAt });
      return { count, resetAt };
    },
    async peek(key, windowMs, now = Date.now()) {
      const e = live(windowKey(key, windowMs, now));
      return typeof e?.value === 'number' ? e.value : 0;
    },
    async resetWindow(key, windowMs, now = Date.now()) { map.delete(windowKey(key, windowMs, now)); },
    async readAndHit(keys, hits, now = Date.now()): Promise<ReadAndHit> {
      const values = await Promise.all(keys.map((k) => store.get(k)));
      const owner = values[0] ? parseJson<{ userId?: unknown } | null>(values[0], null)?.userId : undefined;
      const counted: Array<WindowHit | null> = [];
      for (const h of hits) counted.push(h.onlyForUser === undefined || h.onlyForUser === owner ? await store.hit(h.key, h.windowMs, now) : null);
      return { values, hits: counted };
    },
    async writeBegin(inflight, ttlMs) {
      const e = live(inflight);
      map.set(inflight, { value: String(Number(typeof e?.value === 'string' ? e.value : 0) + 1), expiresAt: Date.now() + ttlMs });
    },
    async writeEnd(inflight, version, seed, counted) {
      const v = live(version);
      map.set(version, { value: typeof v?.value === 'string' ? String(Number(v.value) + 1) : String(seed), expiresAt: Infinity });
      if (!counted) return;
      const e = live(inflight);
      const n = Number(typeof e?.value === 'string' ? e.value : 0);
      if (n > 1) e!.value = String(n - 1);
      else map.delete(inflight);
    },
    async setIfAbsent(key, value) {
      if (!live(key)) map.set(key, { value, expiresAt: Infinity });
    },
    async ping() {},
    async close() { clearInterval(sweeper); map.clear(); },
  };
  return store;
}
