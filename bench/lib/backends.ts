/**
 * Scratch backends for the bench: a fresh MariaDB database (dropped at the end) on the shared
 * server, and Redis keys under the bench namespace (deleted at the end). Never touches anything else.
 */
import knexFactory, { type Knex } from 'knex';
import { Redis } from 'ioredis';

/**
 * One scratch database and Redis namespace per bench process, so benches run side by side on one
 * machine (several engineers, or `ab.ts` next to `run.ts`) can't drop each other's database or keys
 * mid-run. `BENCH_RUN_ID` ([a-z0-9], up to 9 characters) names a run explicitly.
 */
const RUN = process.env.BENCH_RUN_ID ?? String(process.pid);
export const BENCH_DB = `tenantry_bench_${RUN}`;
export const BENCH_NS = `tb${RUN}`;

/** Whether a process with this ID is running (a scratch database named after a dead one is a leftover). */
function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export interface Scratch {
  readonly serverUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** A knex on the scratch database (for the bulk seeder and the floors' table). */
  readonly knex: Knex;
  close(): Promise<void>;
}

function adminKnex(serverUrl: string, database?: string): Knex {
  const u = new URL(serverUrl);
  return knexFactory({
    client: 'mysql2',
    connection: { host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), database, connectTimeout: 5000, dateStrings: true, supportBigNumbers: true, charset: 'utf8mb4' },
    pool: { min: 0, max: 4 },
  });
}

/** Creates the scratch database fresh (dropping a leftover from an interrupted run). */
export async function openScratch(serverUrl = 'mysql://root@127.0.0.1:3306', redisUrl = 'redis://127.0.0.1:6379/0'): Promise<Scratch> {
  const admin = adminKnex(serverUrl);
  try {
    // Leftovers of interrupted runs (named after a process that is gone) are dropped.
    const [rows] = (await admin.raw(`SHOW DATABASES LIKE 'tenantry\\_bench\\_%'`)) as [Array<Record<string, string>>];
    for (const row of rows) {
      const name = Object.values(row)[0] ?? '';
      const pid = /^tenantry_bench_(\d+)$/.exec(name)?.[1];
      if (pid && name !== BENCH_DB && !alive(Number(pid))) await admin.raw(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    await admin.raw(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
    await admin.raw(`CREATE DATABASE \`${BENCH_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.destroy();
  }
  await deleteKeys(redisUrl, `${BENCH_NS}:*`);
  const knex = adminKnex(serverUrl, BENCH_DB);
  return {
    serverUrl,
    databaseUrl: `${serverUrl.replace(/\/+$/, '')}/${BENCH_DB}`,
    redisUrl,
    knex,
    async close() {
      await knex.destroy();
      const drop = adminKnex(serverUrl);
      try { await drop.raw(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``); } finally { await drop.destroy(); }
      await deleteKeys(redisUrl, `${BENCH_NS}:*`);
    },
  };
}

/** Deletes every key matching `pattern` (SCAN, never KEYS or FLUSH: the Redis is shared). */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  redis.on('error', () => {});
  let n = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) n += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return n;
}

/** The floors' own table: `rows` rows with an integer primary key, plus a write table. */
export async function createFloorTables(knex: Knex, table: string, rows: number): Promise<void> {
  await knex.schema.createTable(table, (t) => { t.increments('id').primary(); t.string('v', 64).notNullable(); });
  await knex.schema.createTable(`${table}_w`, (t) => { t.bigIncrements('id').primary(); t.string('v', 64).notNullable(); });
  for (let i = 0; i < rows; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({ v: `value-${i + j}` }));
    await knex(table).insert(batch);
  }
}

export async function setRedisKey(redisUrl: string, key: string, value: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try { await redis.connect(); await redis.set(key, value); } finally { redis.disconnect(); }
}
