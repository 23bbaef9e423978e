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
