/**
 * Opens what the app depends on (database, store) from a config, migrates an empty database, and
 * closes it all again. Used by `main.ts`, the CLI and the tests, so all three run the same way.
 */
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { isEmpty, migrateAll, pendingCount } from './db/migrate.ts';
import type { Logger } from './logger.ts';
import { createMemoryStore } from './store/memory-store.ts';
import { StoreScope, type KvStore } from './store/kv-store.ts';
import { readInstanceId } from './db/instance.ts';
import { withCircuitBreaker } from './store/circuit-breaker.ts';
import type { AppDeps } from './services.ts';
import { createMemoryBus, type EventBus } from './realtime/bus.ts';

export interface Runtime extends AppDeps {
  close(): Promise<void>;
}

export class StartupError extends Error {}

export async function openRuntime(config: Config, logger: Logger, options: { migrate?: 'if-empty' | 'always' | 'never' } = {}): Promise<Runtime> {
  const database: Database = openDatabase(config.database, { namespace: config.namespace, layout: config.layout });
  let store: KvStore | null = null;
  let instanceId: string | null = null;
  try {
    const mode = options.migrate ?? 'if-empty';
    if (mode === 'always' || (mode === 'if-empty' && (await isEmpty(database)))) {
      const applied = await migrateAll(database);
      if (applied.length) logger.info({ applied }, 'database migrated');
    } else if (mode === 'if-empty') {
      const pending = await pendingCount(database);
      if (pending > 0) throw new StartupError(`The database has ${pending} pending migration(s). Run \`npx tenantry migrate\` first.`);
    }
    instanceId = await readInstanceId(database);
    // ioredis loads only when Redis is configured: the embedded default starts faster without it.
    store = config.redisUrl ? await openRedis(config, logger) : createMemoryStore();
  } catch (e) {
    await database.close();
    throw e;
  }
  const kv: KvStore = store;
  // Only the `migrate` command opens an unmigrated database; it builds no store keys.
  const storeScope = instanceId ? StoreScope.of(config.namespace, instanceId) : StoreScope.unavailable('the database is not migrated yet');
  // Realtime events go where sessions live: Redis pub/sub across processes, else in-process. Connects on first use.
  const onBusError = (e: unknown) => logger.error({ err: e }, 'realtime: delivering an event failed');
  const bus: EventBus = config.redisUrl
    ? (await import('./realtime/redis-bus.ts')).createRedisBus(config.redisUrl, storeScope, logger)
    : createMemoryBus(onBusError);
  return {
    config, logger, database, store: kv, storeScope, bus,
    async close() {
      await bus.close();
      await kv.close();
      await database.close();
    },
  };
}

/** The Redis store, behind a circuit breaker so a frozen Redis costs one command timeout, not one per request. */
async function openRedis(config: Config, logger: Logger): Promise<KvStore> {
  const redis = await (await import('./store/redis-store.ts')).createRedisStore(config.redisUrl!);
  const cooldownMs = config.reliability.redisBreakerCooldownMs;
  if (cooldownMs <= 0) return redis;
  let down = false; // log the outage once, not every failed probe
  return withCircuitBreaker(redis, {
    cooldownMs,
    onStateChange(state, cause) {
      if (state === 'open' && !down) logger.warn({ err: cause, cooldownMs }, 'redis unavailable: skipping it (sessions 503, limits in-process) until a probe succeeds');
      if (state === 'closed' && down) logger.warn('redis reachable again');
      if (state !== 'probing') down = state === 'open';
    },
  });
}
