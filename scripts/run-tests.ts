/**
 * `npm test`: type-check, prepare the MariaDB + Redis leg (or say loudly why it is skipped), then
 * run every test file with node's test runner. With CI=true the MariaDB + Redis leg is mandatory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { openRuntime } from '../src/runtime.ts';
import { randomBytes } from 'node:crypto';

// A per-run ID: its own MariaDB database and Redis namespaces (set before legs.ts reads it).
process.env.TENANTRY_TEST_RUN ??= randomBytes(3).toString('hex').replace(/^\d/, 'r');
const { MARIADB_TEST_URL, REDIS_TEST_URL, TEST_NAMESPACES } = await import('../test/support/legs.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
const ci = /^(1|true)$/i.test(process.env.CI ?? '');
const extraArgs = process.argv.slice(2);

function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n${lines.map((l) => `!!  ${l}`).join('\n')}\n${bar}\n`);
}

function adminConnection() {
  const url = new URL(MARIADB_TEST_URL);
  return { database: url.pathname.slice(1), admin: knexFactory({ client: 'mysql2', connection: { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), connectTimeout: 3000 }, pool: { min: 0, max: 1 } }) };
}

async function clearRedis(redis: Redis): Promise<void> {
  for (const ns of Object.values(TEST_NAMESPACES)) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ns}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

function redisClient(): Redis {
  const redis = new Redis(REDIS_TEST_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

/** Drops this run's database and Redis keys (best effort). */
async function cleanUp(): Promise<void> {
  const { database, admin } = adminConnection();
  await admin.raw(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => {});
  await admin.destroy();
  const redis = redisClient();
  await redis.connect().then(() => clearRedis(redis)).catch(() => {});
  redis.disconnect();
}

async function prepareMariaDbLeg(): Promise<string> {
  const { database, admin } = adminConnection();
  try {
    await admin.raw(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.raw(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  } finally {
    await admin.destroy();
  }
  const redis = redisClient();
  try {
    await redis.connect();
    await clearRedis(redis);
  } finally {
    redis.disconnect();
  }
  for (const [layout, namespace] of Object.entries(TEST_NAMESPACES)) {
    const config = parseConfig({ DATABASE_URL: MARIADB_TEST_URL, TENANTRY_NAMESPACE: namespace, TENANTRY_LAYOUT: layout, LOG_LEVEL: 'silent' });
    const runtime = await openRuntime(config, createLogger('silent'), { migrate: 'always' });
    await runtime.close();
  }
  return 'ready';
}

// A focused run (`npm test -- test/schema/`) skips the whole-tree type check; the full run does it first.
if (extraArgs.length === 0) {
  const typecheck = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: root, stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error('typecheck failed');
    process.exit(typecheck.status ?? 1);
  }
}

let mariadb: string;
try {
  mariadb = await prepareMariaDbLeg();
  console.log(`MariaDB + Redis leg: ready (${MARIADB_TEST_URL.replace(/\/\/([^:@]*):[^@]*@/, '//$1:***@')}, ${REDIS_TEST_URL})`);
} catch (e) {
  const why = `MariaDB/Redis not reachable (${(e as Error).message.split('\n')[0]})`;
  if (ci) {
    banner([`CI=true: the MariaDB + Redis leg is mandatory, but ${why}.`]);
    process.exit(1);
  }
  mariadb = `skip:${why}`;
  banner(['SKIPPING THE MariaDB + Redis LEG — only SQLite + in-process store will run.', why, 'Start MariaDB and Redis (see README) or set TENANTRY_TEST_MYSQL_URL / TENANTRY_TEST_REDIS_URL.']);
}

// A directory argument means every test file below it.
const files = extraArgs.length
  ? extraArgs.map((a) => (existsSync(a) && statSync(a).isDirectory() ? `${a.replace(/\/+$/, '')}/**/*.test.ts` : a))
  : ['test/**/*.test.ts'];
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=4', '--test-timeout=120000', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TENANTRY_TEST_MARIADB: mariadb },
});
if (mariadb !== 'ready') banner(['REMINDER: the MariaDB + Redis leg was SKIPPED in this run.', mariadb.replace(/^skip:/, '')]);
else await cleanUp();
process.exit(run.status ?? 1);
