/**
 * A small in-process cache with per-entry expiry and explicit invalidation. Hot per-request lookups
 * (project, API key, collection metadata) come from here instead of extra round trips; writers in
 * this process invalidate at once, other processes within the TTL.
 */
export class TtlCache<V> {
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #map = new Map<string, { value: V; expiresAt: number }>();

  constructor(ttlMs: number, max = 10_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  get(key: string): V | undefined {
    const e = this.#map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) { this.#map.delete(key); return undefined; }
    return e.value;
  }

  set(key: string, value: V): void {
    if (this.#map.size >= this.#max) this.#map.delete(this.#map.keys().next().value as string);
    this.#map.set(key, { value, expiresAt: Date.now() + this.#ttlMs });
  }

  async getOrLoad(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    if (value !== undefined) this.set(key, value);
    return value;
  }

  delete(key: string): void { this.#map.delete(key); }
  clear(): void { this.#map.clear(); }
}
