/**
 * Exact list totals, cached. A list's `total` (a capped COUNT under the caller's visibility) is kept
 * in an in-process LRU keyed by the collection's write VERSION and the exact count condition; two
 * counters per collection live in the KV store (Redis, or the in-process store on the embedded
 * default), under `storeKey(scope, tenant, 'tc', databaseId, collectionId, 'v' | 'w')`:
 *
 * - `version`: bumped after every write transaction that touched the collection's documents or
 *   permission rows ended (committed or rolled back); never expires; starts at a random value, so a
 *   store restarted empty never repeats a version an LRU still holds entries for;
 * - `inflight` (`w`): writers whose transaction is running, counted BEFORE the writer's first
 *   statement on the collection (so before its commit) and uncounted together with the bump (one
 *   atomic store call); its TTL (`INFLIGHT_TTL_MS`, refreshed by every writer) lets a crashed
 *   writer's count lapse instead of disabling the cache forever.
 *
 * The writer side is one hook: `DocumentStore` — every document / permission write path (creates,
 * updates, upserts, deletes, increments, bulk operations, transaction commits, relationship cascades)
 * goes through it — calls `touch(tdb, meta)` before writing, and `TenantDb.afterTransaction` runs
 * the end. The reader reads `(version, inflight)` atomically — a signed-in user in the session's own
 * store round trip (`end-users.ts`), anyone else in one small round trip — and uses or fills the LRU
 * only when `inflight` is 0.
 *
 * Why a hit is exact. A reader read `(V, 0)` at t0 and then counted (a fresh statement, so its
 * snapshot is taken after t0) and stored count C under V. A later request reads `(V, 0)` at t2 and is
 * answered C. Take any write W: it is counted in `inflight` from `a` (before its commit `c`) to `b`
 * (after `c`, when it also bumps the version). If b < t0, W committed before the count: C includes
 * it, and it is committed at t2 too. Otherwise b > t2 (a bump between t0 and t2 would have changed
 * the version). Then a < t2 is impossible (W would be in flight at t2, but `inflight` read 0), so
 * a > t2 > t0 and c > a: W is neither in C nor committed at t2. So C counts exactly the writes
 * committed at t2, under the same condition — and the condition (`all([visibility, filter])`) is the
 * key (with the collection's schema digest), so roles, collection permissions and documentSecurity
 * are part of it: changing those changes the key, not the data. Collections with relationship attributes are never cached: their
 * relationship columns and junction rows are also written outside `DocumentStore`.
 *
 * Failing closed. A reader that can't read the counters doesn't use or fill the cache. A writer whose
 * end (bump) fails leaves its `inflight` count standing until the TTL lapses, and entries live at
 * most `ENTRY_TTL_MS` < `INFLIGHT_TTL_MS`: an entry made before that writer began is expired by the
 * time its count lapses, so that stays exact. Residual windows (README, Performance): a writer that
 * could not even count itself in (`writeBegin` failed: the store was unreachable from its process
 * but not from others') writes anyway (API-key writes keep working without Redis) — other processes
 * may then answer a total up to `ENTRY_TTL_MS` old; and a write transaction running longer than
 * `INFLIGHT_TTL_MS` without another writer refreshing the count lets a reader cache a count between
 * its commit and its bump.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Condition } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { storeKey, type KvStore, type StoreScope, type TotalsSnapshot } from '../../store/kv-store.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';

export type { TotalsSnapshot } from '../../store/kv-store.ts';

/** How long a writer's `inflight` count lives without being uncounted (a crashed writer's lapses). */
export const INFLIGHT_TTL_MS = 60_000;
/** How long a cached total may be served; must stay below `INFLIGHT_TTL_MS` (see the file comment). */
export const ENTRY_TTL_MS = 30_000;

/** Operations whose `total` the cache serves (the TablesDB twin is `listRows`). */
const LIST_OPERATIONS = new Set(['listDocuments', 'listRows']);
/** Condition kinds that read only the collection's own row and permission tables. */
const CACHEABLE = new Set<Condition['kind']>(['cmp', 'in', 'null', 'between', 'like', 'jsonHas', 'search', 'permitted', 'and', 'or', 'not', 'true', 'false']);

/** What a list request needs to know about its route to read its counters in the session round trip. */
export interface ListRoute {
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
}

interface Counters { readonly version: string; readonly inflight: string }

export class TotalCache {
  readonly #store: KvStore;
  readonly #scope: StoreScope;
  readonly #lru: LRUCache<string, number>;
  /** Per write transaction: the collections it counted itself in, each with whether `writeBegin` succeeded. */
  readonly #writing = new WeakMap<TenantDb, Map<string, { counters: Counters; counted: Promise<boolean> }>>();
  /** Counts of what happened (tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0, bypassed: 0, failedBegins: 0, failedEnds: 0 };

  /** False on a runtime whose store scope can't build keys (a database not migrated yet): no caching, no counters. */
  readonly #enabled: boolean;

  constructor(store: KvStore, scope: StoreScope, options: { maxEntries?: number; entryTtlMs?: number } = {}) {
    this.#store = store;
    this.#scope = scope;
    this.#enabled = usable(scope);
    // Bounded by entries and by key length (a filter may carry up to 100 values): ~16 MB of keys at most.
    this.#lru = new LRUCache({
      max: options.maxEntries ?? 20_000,
      maxSize: 8_000_000,
      sizeCalculation: (_total, key) => key.length + 32,
      ttl: Math.min(options.entryTtlMs ?? ENTRY_TTL_MS, ENTRY_TTL_MS),
    });
  }

  #counters(tenant: number, databaseId: string, collectionId: string): Counters {
    return {
      version: storeKey(this.#scope, tenant, 'tc', databaseId, collectionId, 'v'),
      inflight: storeKey(this.#scope, tenant, 'tc', databaseId, collectionId, 'w'),
    };
  }

  // ---- readers ---------------------------------------------------------------------------------

  /** The keys a list request reads in its session round trip (version, inflight), or none for other routes. */
  sessionReads(tenant: number, route: ListRoute): readonly string[] {
    if (!this.#enabled || !LIST_OPERATIONS.has(route.operationId) || route.query.transactionId !== undefined) return [];
    if (route.query.total === false || route.query.total === 'false') return [];
    const databaseId = route.params.databaseId;
    const collectionId = route.params.collectionId ?? route.params.tableId;
    if (!databaseId || !collectionId) return [];
    const c = this.#counters(tenant, databaseId, collectionId);
    return [c.version, c.inflight];
  }

  /** The snapshot from the values read for `sessionReads` (same order). */
  snapshotOf(tenant: number, route: ListRoute, values: ReadonlyArray<string | null>): TotalsSnapshot {
    return { tenant, databaseId: route.params.databaseId!, collectionId: (route.params.collectionId ?? route.params.tableId)!, version: values[0] ?? null, inflight: values[1] ?? null };
  }

  /** Reads a collection's counters in one round trip; null when the store can't be read. */
  async snapshot(tenant: number, databaseId: string, collectionId: string): Promise<TotalsSnapshot | null> {
    const c = this.#counters(tenant, databaseId, collectionId);
    try {
      const { values } = await this.#store.readAndHit([c.version, c.inflight], []);
      return { tenant, databaseId, collectionId, version: values[0] ?? null, inflight: values[1] ?? null };
    } catch {
      return null;
    }
  }

  /**
   * The capped count of `where` in `meta`'s collection: from the cache when the counters allow it,
   * else `run()` (stored when they allow it). `given`: the counters the request read already.
   */
  async count(tdb: TenantDb, meta: CollectionMeta, where: Condition, given: TotalsSnapshot | null | undefined, run: () => Promise<number>): Promise<number> {
    const condition = !this.#enabled || tdb.inTransaction || meta.attributes.some((a) => a.relationship) ? null : conditionKey(where);
    if (condition === null) { this.stats.bypassed++; return run(); }
    const fits = given && given.tenant === tdb.tenant && given.databaseId === meta.databaseId && given.collectionId === meta.id;
    const snap = fits ? given : await this.snapshot(tdb.tenant, meta.databaseId, meta.id);
    // `inflight` is deleted, not left at 0, when its last writer ends.
    if (!snap || (snap.inflight !== null && snap.inflight !== '0') || snap.version === null) {
      // A collection never written since its version was lost starts one (a random one: see above).
      if (snap && snap.version === null) await this.#store.setIfAbsent(this.#counters(tdb.tenant, meta.databaseId, meta.id).version, String(seed())).catch(() => {});
      this.stats.bypassed++;
      return run();
    }
    const key = `${tdb.tenant}:${meta.sequence}:${schemaOf(meta)}:${snap.version}:${condition}`;
    const cached = this.#lru.get(key);
    if (cached !== undefined) { this.stats.hits++; return cached; }
    this.stats.misses++;
    const total = await run();
    this.#lru.set(key, total);
    return total;
  }

  // ---- writers ---------------------------------------------------------------------------------

  /**
   * Called by every document / permission write before its first statement on `meta`'s collection,
   * inside its transaction `tdb`: counts the writer in (once per transaction and collection) and has
   * the transaction's end bump the version. Never throws for the store: a write the store can't
   * hear about still runs (see the file comment), and this process's cache is dropped.
   */
  async touch(tdb: TenantDb, meta: CollectionMeta): Promise<void> {
    if (!this.#enabled) return;
    let writing = this.#writing.get(tdb);
    if (!writing) {
      const mine = new Map<string, { counters: Counters; counted: Promise<boolean> }>();
      // Not awaited by the request: until the end lands the writer still counts as in flight, so
      // every list (the writer's own next one included) counts in SQL meanwhile. Throws outside a
      // transaction: writes run in one.
      tdb.afterTransaction(async () => { void this.#end(mine); });
      this.#writing.set(tdb, mine);
      writing = mine;
    }
    const id = `${meta.databaseId}/${meta.id}`;
    let entry = writing.get(id);
    if (!entry) {
      const counters = this.#counters(tdb.tenant, meta.databaseId, meta.id);
      entry = { counters, counted: this.#begin(counters) };
      writing.set(id, entry);
    }
    await entry.counted;
  }

  async #begin(c: Counters): Promise<boolean> {
    try {
      await this.#store.writeBegin(c.inflight, INFLIGHT_TTL_MS);
      return true;
    } catch {
      this.stats.failedBegins++;
      this.#lru.clear();
      return false;
    }
  }

  /** Never rejects (it runs unawaited). */
  async #end(writing: Map<string, { counters: Counters; counted: Promise<boolean> }>): Promise<void> {
    await Promise.all([...writing.values()].map(async ({ counters, counted }) => {
      const wasCounted = await counted;
      try {
        await this.#store.writeEnd(counters.inflight, counters.version, seed(), wasCounted);
      } catch {
        // Other processes: the writer's inflight count stands until it lapses (see the file comment).
        this.stats.failedEnds++;
        this.#lru.clear();
      }
      if (!wasCounted) this.#lru.clear();
    }));
  }
}

function usable(scope: StoreScope): boolean {
  try {
    return scope.prefix.length > 0;
  } catch {
    return false;
  }
}

/**
 * The collection's schema (attributes and indexes) as a short digest, once per metadata object. Not
 * needed for exactness (schema DDL rewrites no values; MariaDB refuses a truncating resize), it keeps
 * entries made under one schema from ever answering under another.
 */
const schemas = new WeakMap<CollectionMeta, string>();
function schemaOf(meta: CollectionMeta): string {
  let digest = schemas.get(meta);
  if (digest === undefined) {
    digest = createHash('sha1').update(JSON.stringify([meta.attributes, meta.indexes], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).digest('base64url');
    schemas.set(meta, digest);
  }
  return digest;
}

/** A fresh version base: random, so versions never repeat across a store that lost its data. */
function seed(): number {
  return Math.floor(Math.random() * 2 ** 48);
}

/** The condition as a key, or null when it reads anything but the collection's own tables. */
export function conditionKey(where: Condition): string | null {
  const walk = (c: Condition): boolean => {
    if (!CACHEABLE.has(c.kind)) return false;
    if (c.kind === 'and' || c.kind === 'or') return c.conditions.every(walk);
    if (c.kind === 'not') return walk(c.condition);
    return true;
  };
  if (!walk(where)) return null;
  // A bigint (exact int64) becomes an object, which no scalar serialises to: no collisions.
  return JSON.stringify(where, (_k, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

/** The total cache of each open database (set by `createServices`): where `collectionWrites` reports. */
const attached = new WeakMap<TenantDb['database'], TotalCache>();

/** Makes `cache` the one that document writes on `database` report to. */
export function attachTotalCache(database: TenantDb['database'], cache: TotalCache): void {
  attached.set(database, cache);
}

/**
 * The writer-side hook (`DocumentStore`, before any statement that changes a collection's rows or
 * permission rows, inside the write's transaction): see `TotalCache.touch`.
 */
export async function collectionWrites(tdb: TenantDb, meta: CollectionMeta): Promise<void> {
  await attached.get(tdb.database)?.touch(tdb, meta);
}
