/**
 * A small in-process cache with per-entry expiry, explicit invalidation and single-flight loads.
 * Hot per-request lookups (project, API key, collection metadata) come from here instead of extra
 * round trips; writers in this process invalidate at once, other processes within the TTL.
 *
 * Storage is `lru-cache` (bounded, least recently used goes first). Loads are single-flight: a
 * burst on a cold key shares one load instead of running N identical queries. lru-cache's own
 * `fetch` is not used for that because a `delete` during a fetch either rejects every waiter or
 * (with `ignoreFetchAbort`) can still store the pre-invalidation value; here an invalidated flight
 * is simply detached: its waiters get what it read, it is never stored, and the next caller loads anew.
 */
import { LRUCache } from 'lru-cache';

interface Flight<V> { readonly promise: Promise<V | undefined>; current: boolean }

export class TtlCache<V extends {}> {
  readonly #lru: LRUCache<string, V>;
  readonly #flights = new Map<string, Flight<V>>();

  constructor(ttlMs: number, max = 10_000) {
    this.#lru = new LRUCache<string, V>({ max, ttl: ttlMs });
  }

  get(key: string): V | undefined {
    return this.#lru.get(key);
  }

  set(key: string, value: V): void {
    this.#lru.set(key, value);
  }

  /** The cached value, or the result of `load` — shared with every concurrent caller of the same key. */
  getOrLoad(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.#lru.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.#flights.get(key);
    if (running) return running.promise;
    const flight: Flight<V> = {
      current: true,
      promise: load().then(
        (value) => {
          if (flight.current && value !== undefined) this.#lru.set(key, value);
          return value;
        },
      ).finally(() => {
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
      }),
    };
    this.#flights.set(key, flight);
    return flight.promise;
  }

  delete(key: string): void {
    this.#lru.delete(key);
    const flight = this.#flights.get(key);
    if (flight) {
      flight.current = false;
      this.#flights.delete(key);
    }
  }

  clear(): void {
    this.#lru.clear();
    for (const flight of this.#flights.values()) flight.current = false;
    this.#flights.clear();
  }
}
