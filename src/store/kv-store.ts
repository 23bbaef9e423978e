/**
 * The key-value store behind sessions, rate limits and role caches: Redis in production, an
 * in-process map on the embedded default. Both honour the same contract; keys are only ever built
 * by `storeKey`, which requires the tenant.
 */
export interface WindowHit {
  /** Hits in the current fixed window, this one included. */
  readonly count: number;
  /** Unix milliseconds at which the window ends. */
  readonly resetAt: number;
}

/** A window hit for `readAndHit`. */
export interface HitRequest {
  readonly key: string;
  readonly windowMs: number;
  /** Count it only when the first key read holds a JSON record whose `userId` is this (a session). */
  readonly onlyForUser?: string;
}

export interface ReadAndHit {
  readonly values: ReadonlyArray<string | null>;
  /** One per hit request, in order; null when a conditional hit was not counted. */
  readonly hits: ReadonlyArray<WindowHit | null>;
}

export interface KvStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  hget(key: string, field: string): Promise<string | null>;
  hset(key: string, field: string, value: string): Promise<void>;
  hdel(key: string, ...fields: string[]): Promise<void>;
  hgetall(key: string): Promise<Record<string, string>>;
  /** Fixed-window counter (Appwrite's scheme): atomically counts one hit in the window containing now. */
  hit(key: string, windowMs: number, now?: number): Promise<WindowHit>;
  /** Peeks at a window's count without counting a hit. */
  peek(key: string, windowMs: number, now?: number): Promise<number>;
  resetWindow(key: string, windowMs: number, now?: number): Promise<void>;
  /**
   * Reads `keys` and counts `hits` in ONE round trip (Redis: one Lua script, atomic). A signed-in
   * request uses it to fetch its session and cached identity and count its rate-limit windows together.
   */
  readAndHit(keys: readonly string[], hits: readonly HitRequest[], now?: number): Promise<ReadAndHit>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `{ns}:{tenant}:{part}:{part}…` — the tenant is required; the console is tenant 0. */
export function storeKey(namespace: string, tenant: number, ...parts: Array<string | number>): string {
  if (!Number.isSafeInteger(tenant) || tenant < 0) throw new Error('storeKey needs a tenant');
  if (parts.length === 0) throw new Error('storeKey needs a name');
  return [namespace, tenant, ...parts].join(':');
}

export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}
