/** A `localStorage` stand-in for running the `appwrite` web SDK under Node (it keeps its fallback cookie there). */
export class MemoryStorage {
  readonly #items = new Map<string, string>();
  getItem(k: string): string | null { return this.#items.get(k) ?? null; }
  setItem(k: string, v: string): void { this.#items.set(k, String(v)); }
  removeItem(k: string): void { this.#items.delete(k); }
  clear(): void { this.#items.clear(); }
}
