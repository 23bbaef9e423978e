/**
 * The key-value store behind sessions, rate limits and role caches: Redis in production, an
 * in-process map on the embedded default. Both honour the same contract; keys are only ever built
 * by `storeKey`, which requires the database's instance scope and the tenant.
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

/**
 * A collection's total-cache counters as one request read them (`src/features/documents/total-cache.ts`):
 * the write version and the writers in flight (null: the key is absent).
 */
export interface TotalsSnapshot {
  readonly tenant: number;
  readonly databaseId: string;
  readonly collectionId: string;
  readonly version: string | null;
  readonly inflight: string | null;
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
  /**
   * A guarded write begins (the total cache, `src/features/documents/total-cache.ts`): counts one
   * writer in `inflight` and (re)sets its TTL, atomically.
   */
  writeBegin(inflight: string, ttlMs: number): Promise<void>;
  /**
   * A guarded write ended, atomically: bumps `version` (set to `seed` when missing, so a store
   * restarted empty never repeats an old version), then, when `counted` (its `writeBegin` succeeded),
   * uncounts the writer from `inflight` — never below zero (an expired count is gone, not negative).
   */
  writeEnd(inflight: string, version: string, seed: number, counted: boolean): Promise<void>;
  /** Sets `key` to `value` unless it exists (no TTL). */
  setIfAbsent(key: string, value: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every key starts with: the deployment's namespace and the database's instance ID (read at
 * start-up from the platform database). Project sequences restart at 1 in a fresh database; the
 * instance ID keeps a reset database's project 1 from reading the old project 1's sessions.
 */
export class StoreScope {
  readonly #prefix: string | null;
  readonly #why: string;

  private constructor(prefix: string | null, why: string) {
    this.#prefix = prefix;
    this.#why = why;
  }

  static of(namespace: string, instanceId: string): StoreScope {
    if (!/^[a-z][a-z0-9]{0,11}$/.test(namespace)) throw new Error('StoreScope: bad namespace');
    if (!/^[A-Za-z0-9]{8,32}$/.test(instanceId)) throw new Error('StoreScope: bad instance ID');
    return new StoreScope(`${namespace}:${instanceId}`, '');
  }

  /** A scope that refuses to build keys (a runtime opened on a database not migrated yet). */
  static unavailable(why: string): StoreScope {
    return new StoreScope(null, why);
  }

  get prefix(): string {
    if (this.#prefix === null) throw new Error(`no KV-store keys: ${this.#why}`);
    return this.#prefix;
  }
}

/** `{ns}:{instance}:{tenant}:{part}:{part}…` — the scope and the tenant are required; the console is tenant 0. */
export function storeKey(scope: StoreScope, tenant: number, ...parts: Array<string | number>): string {
  if (!Number.isSafeInteger(tenant) || tenant < 0) throw new Error('storeKey needs a tenant');
  if (parts.length === 0) throw new Error('storeKey needs a name');
  return [scope.prefix, tenant, ...parts].join(':');
}

export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}
