/**
 * The event bus over Redis pub/sub: one channel per project (`{ns}:{instance}:{tenant}:rt`, built
 * by `storeKey`), a dedicated subscriber connection (a subscribed connection can run nothing else)
 * and a fail-fast publisher. A process serves its own subscribers directly and skips its own
 * messages coming back, so when Redis is down local events still flow; remote ones are missed,
 * which `onHealth(false)` tells subscribers. ioredis reconnects and re-subscribes on its own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { parseExactForRelay } from '../lib/exact-json.ts';
import { storeKey, type StoreScope } from '../store/kv-store.ts';
import { LocalFanout, type EventBus } from './bus.ts';
import type { RealtimeEvent } from './events.ts';

interface Envelope { readonly o: string; readonly t: number; readonly e: RealtimeEvent }

export function createRedisBus(url: string, scope: StoreScope, logger: Logger): EventBus {
  const origin = randomBytes(8).toString('hex');
  const local = new LocalFanout();
  const health = new Set<(healthy: boolean) => void>();
  const options = { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: (times: number) => Math.min(100 * times, 2000) };
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false, commandTimeout: 1000 });
  // The subscriber queues its SUBSCRIBEs while reconnecting; ioredis re-subscribes after a reconnect.
  const subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null, autoResubscribe: true });
  const channelOf = (tenant: number) => storeKey(scope, tenant, 'rt');
  const tenantOf = new Map<string, number>();
  const onError = (e: unknown) => logger.error({ err: e }, 'realtime: delivering an event failed');
  let healthy = true;
  let started = false;
  let closed = false;
  /** Until the publisher's first connect settles, publishes wait for it (no offline queue: they'd fail at once). */
  let firstConnect: Promise<void> | null = null;

  const setHealthy = (next: boolean, cause?: unknown) => {
    if (healthy === next || closed) return;
    healthy = next;
    if (next) logger.warn('realtime: event bus reachable again');
    else logger.warn({ err: cause }, 'realtime: event bus (Redis) unavailable; events from other processes are missed until it is back');
    for (const l of [...health]) l(next);
  };
  publisher.on('error', () => { /* surfaced per publish */ });
  subscriber.on('error', (e) => setHealthy(false, e));
  subscriber.on('close', () => setHealthy(false));
  subscriber.on('ready', () => {
    // A SUBSCRIBE that failed during the outage is not re-subscribed by ioredis: send them all again (idempotent).
    if (tenantOf.size) subscriber.subscribe(...tenantOf.keys()).catch(() => {});
    setHealthy(true);
  });
  subscriber.on('message', (channel: string, raw: string) => {
    const tenant = tenantOf.get(channel);
    if (tenant === undefined) return;
    let msg: Envelope;
    try { msg = parseExactForRelay(raw) as Envelope; } catch { return; }
    if (msg.o === origin || msg.t !== tenant) return;
    local.dispatch(tenant, msg.e, onError);
  });
  const start = () => {
    if (started || closed) return;
    started = true;
    firstConnect = publisher.connect().catch(() => {}).finally(() => { firstConnect = null; });
  };

  return {
    kind: 'redis',
    publish(tenant, event) {
      setImmediate(() => local.dispatch(tenant, event, onError));
      start();
      const envelope: Envelope = { o: origin, t: tenant, e: event };
      const send = () => publisher.publish(channelOf(tenant), JSON.stringify(envelope)).catch((e: unknown) => {
        logger.warn({ err: e, tenant }, 'realtime: publishing to other processes failed');
      });
      // A process's first events would otherwise be lost while its publisher is still connecting.
      if (firstConnect) void firstConnect.then(send);
      else void send();
    },
    subscribe(tenant, handler) {
      start();
      const { first, remove } = local.add(tenant, handler);
      const channel = channelOf(tenant);
      if (first) {
        tenantOf.set(channel, tenant);
        subscriber.subscribe(channel).catch((e: unknown) => setHealthy(false, e));
      }
      return () => {
        if (!remove()) return;
        tenantOf.delete(channel);
        subscriber.unsubscribe(channel).catch(() => {});
      };
    },
    onHealth(listener) {
      health.add(listener);
      return () => { health.delete(listener); };
    },
    async close() {
      closed = true;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
