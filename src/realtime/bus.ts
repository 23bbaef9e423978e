/**
 * The event bus between the processes that write and the processes that hold subscribers. One
 * interface, two implementations chosen by the runtime like the store: in-process (the embedded
 * default, one process) and Redis pub/sub (`redis-bus.ts`, channels per project).
 */
import type { RealtimeEvent } from './events.ts';

export type BusHandler = (event: RealtimeEvent) => void;

export interface EventBus {
  readonly kind: 'memory' | 'redis';
  /** Publishes to the project's subscribers on every process; local ones are served at once. Never throws. */
  publish(tenant: number, event: RealtimeEvent): void;
  /** Receives the project's events; returns the unsubscribe. */
  subscribe(tenant: number, handler: BusHandler): () => void;
  /**
   * Told when cross-process delivery stops being guaranteed (false) and when it is back (true). An
   * in-process bus never calls it. Returns the unsubscribe.
   */
  onHealth(listener: (healthy: boolean) => void): () => void;
  close(): Promise<void>;
}

/** Local fan-out shared by both buses: handlers per project. A failing handler never stops the others. */
export class LocalFanout {
  readonly #handlers = new Map<number, Set<BusHandler>>();

  /** Adds a handler; `first` tells whether it is the project's first (time to subscribe upstream). */
  add(tenant: number, handler: BusHandler): { first: boolean; remove: () => boolean } {
    let set = this.#handlers.get(tenant);
    const first = !set;
    if (!set) { set = new Set(); this.#handlers.set(tenant, set); }
    set.add(handler);
    return {
      first,
      /** True when it was the project's last handler. */
      remove: () => {
        const s = this.#handlers.get(tenant);
        if (!s?.delete(handler) || s.size > 0) return false;
        this.#handlers.delete(tenant);
        return true;
      },
    };
  }

  dispatch(tenant: number, event: RealtimeEvent, onError: (e: unknown) => void): void {
    const set = this.#handlers.get(tenant);
    if (!set) return;
    for (const h of [...set]) {
      try { h(event); } catch (e) { onError(e); }
    }
  }

  tenants(): number[] { return [...this.#handlers.keys()]; }
}

/** The embedded default: one process, nothing to lose. */
export function createMemoryBus(onError: (e: unknown) => void = () => {}): EventBus {
  const local = new LocalFanout();
  return {
    kind: 'memory',
    publish(tenant, event) {
      // After the writer's response, in publish order (setImmediate is FIFO).
      setImmediate(() => local.dispatch(tenant, event, onError));
    },
    subscribe(tenant, handler) {
      const { remove } = local.add(tenant, handler);
      return () => { remove(); };
    },
    onHealth() { return () => {}; },
    async close() {},
  };
}
