/**
 * Opens what the app depends on (database, store) from a config, migrates an empty database, and
 * closes it all again. Used by `main.ts`, the CLI and the tests, so all three run the same way.
 */
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { isEmpty, migrateAll, pendingCount } from './db/migrate.ts';
import type { Logger } from './logger.ts';
import { createMemoryStore } from './store/memory-store.ts';
import type { KvStore } from './store/kv-store.ts';
import type { AppDeps } from './services.ts';

export interface Runtime extends AppDeps {
  close(): Promise<void>;
}

export class StartupError extends Error {}

export async function openRuntime(config: Config, logger: Logger, options: { migrate?: 'if-empty' | 'always' | 'never' } = {}): Promise<Runtime> {
  const database: Database = openDatabase(config.database, { namespace: config.namespace, layout: config.layout });
  let store: KvStore | null = null;
  try {
    const mode = options.migrate ?? 'if-empty';
    if (mode === 'always' || (mode === 'if-empty' && (await isEmpty(database)))) {
      const applied = await migrateAll(database);
      if (applied.length) logger.info({ applied }, 'database migrated');
    } else if (mode === 'if-empty') {
      const pending = await pendingCount(database);
      if (pending > 0) throw new StartupError(`The database has ${pending} pending migration(s). Run \`npx tenantry migrate\` first.`);
    }
    // ioredis loads only when Redis is configured: the embedded default starts faster without it.
    store = config.redisUrl ? await (await import('./store/redis-store.ts')).createRedisStore(config.redisUrl) : createMemoryStore();
  } catch (e) {
    await database.close();
    throw e;
  }
  const kv = store;
  return {
    config, logger, database, store: kv,
    async close() {
      await kv.close();
      await database.close();
    },
  };
}
