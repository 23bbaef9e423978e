/**
 * `npm test`: lint, type-check, prepare the MariaDB + Redis leg, then run every test file with node's
 * test runner, each file in its own process under a time bound. A failed lint or type check fails
 * the run at the end, after the tests (one run shows everything).
 *
 * The MariaDB + Redis leg: an authenticated `SELECT 1` and a Redis PING first; only when nothing
 * answers (connection refused, timeout, unknown host) and CI is not set is the leg skipped, loudly.
 * Anything else — access denied, creating the database, a migration, Redis — fails the run, in CI or
 * not. Every leg that was not skipped must run tests: a leg with zero tests fails the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { openRuntime } from '../src/runtime.ts';
import type { LegCount } from '../test/support/describe-legs.ts';
import { countProblems, legVerdict } from '../test/support/leg-decision.ts';

// A per-run ID: its own MariaDB database and Redis namespaces (set before legs.ts reads it).
process.env.TENANTRY_TEST_RUN ??= randomBytes(3).toString('hex').replace(/^\d/, 'r');
const { MARIADB_TEST_URL, REDIS_TEST_URL, TEST_NAMESPACES } = await import('../test/support/legs.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
const ci = /^(1|true)$/i.test(process.env.CI ?? '');
const extraArgs = process.argv.slice(2);
const fullRun = extraArgs.length === 0;
/** Per test file (watchdog in each file's process) and for the whole runner. */
const fileTimeoutS = Number(process.env.TENANTRY_TEST_FILE_TIMEOUT_S ?? 900);
const runTimeoutS = Number(process.env.TENANTRY_TEST_RUN_TIMEOUT_S ?? 3600);

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

/** Drops this run's database and Redis keys (best effort: the run's verdict is already known). */
async function cleanUp(): Promise<void> {
  const { database, admin } = adminConnection();
  await admin.raw(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => {});
  await admin.destroy();
  const redis = redisClient();
  await redis.connect().then(() => clearRedis(redis)).catch(() => {});
  redis.disconnect();
}

/** Is anything there? An authenticated query and a real Redis command (a bare ping passes on "Access denied"). */
async function probeMariaDbLeg(): Promise<void> {
  const { admin } = adminConnection();
  try {
    await admin.raw('SELECT 1');
  } finally {
    await admin.destroy();
  }
  const redis = redisClient();
  let socketError: Error | null = null;
  redis.on('error', (e: Error) => { socketError ??= e; });
  try {
    // ioredis rejects with "Connection is closed."; the socket's own error says why (ECONNREFUSED…).
    await redis.connect().catch((e: unknown) => { throw socketError ?? e; });
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`Redis answered PING with ${pong}`);
  } finally {
    redis.disconnect();
  }
}

async function prepareMariaDbLeg(): Promise<void> {
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
}

/** Runs a check; a failure fails the run at the end (the tests still run, so one run shows everything). */
const failedChecks: string[] = [];
function check(name: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failedChecks.push(`${name} failed${result.error ? ` (${result.error.message})` : ''}: \`${[command, ...args].join(' ')}\``);
    console.error(`\n${name} FAILED (the tests run anyway; the run will fail)\n`);
  }
}

// A focused run (`npm test -- test/schema/`) skips the whole-tree lint and type check; the full run does them first.
if (fullRun) {
  check('lint (biome)', 'npx', ['biome', 'lint', '--error-on-warnings']);
  check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
}

let failure: Parameters<typeof legVerdict>[1] = null;
try {
  await probeMariaDbLeg();
} catch (error) {
  failure = { stage: 'probe', error };
}
if (!failure) {
  try {
    await prepareMariaDbLeg();
  } catch (error) {
    failure = { stage: 'prepare', error };
  }
}
const verdict = legVerdict(ci, failure);
const safeUrl = MARIADB_TEST_URL.replace(/\/\/([^:@]*):[^@]*@/, '//$1:***@');
if (verdict.kind === 'fail') {
  banner(['THE MariaDB + Redis LEG FAILED BEFORE ANY TEST RAN.', verdict.why, `(${safeUrl}, ${REDIS_TEST_URL})`, ...failedChecks]);
  await cleanUp();
  process.exit(1);
}
const mariadb = verdict.kind === 'ready' ? 'ready' : `skip:${verdict.why}`;
if (verdict.kind === 'ready') console.log(`MariaDB + Redis leg: ready (${safeUrl}, ${REDIS_TEST_URL})`);
else banner(['SKIPPING THE MariaDB + Redis LEG — only SQLite + in-process store will run.', verdict.why, 'Start MariaDB and Redis (see README) or set TENANTRY_TEST_MYSQL_URL / TENANTRY_TEST_REDIS_URL.', 'With CI=true this is a failure.']);

// A directory argument means every test file below it.
const files = extraArgs.length
  ? extraArgs.map((a) => (existsSync(a) && statSync(a).isDirectory() ? `${a.replace(/\/+$/, '')}/**/*.test.ts` : a))
  : ['test/**/*.test.ts'];
const countsDir = mkdtempSync(join(tmpdir(), 'tenantry-test-counts-'));
const countsFile = join(countsDir, 'counts.jsonl');
const args = [
  '--import', './test/support/watchdog.ts',
  '--test', '--test-isolation=process', '--test-reporter=spec', '--test-concurrency=4', '--test-timeout=120000',
  ...files,
];
// Its own process group, so the run bound (and Ctrl-C here) can stop every file process and what they started.
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, TENANTRY_TEST_MARIADB: mariadb, TENANTRY_TEST_COUNTS: countsFile, TENANTRY_TEST_FILE_TIMEOUT_S: String(fileTimeoutS) },
});
const killGroup = () => {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { killGroup(); process.exit(130); });
let timedOut = false;
const runTimer = setTimeout(() => { timedOut = true; killGroup(); }, runTimeoutS * 1000);
const status = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
clearTimeout(runTimer);

const counts: LegCount[] = existsSync(countsFile) ? readFileSync(countsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as LegCount) : [];
rmSync(countsDir, { recursive: true, force: true });
const perLeg = { sqlite: 0, mariadb: 0 };
for (const c of counts) perLeg[c.leg] += c.ran;
console.log(`\ntests run per leg: SQLite + in-process store ${perLeg.sqlite}, MariaDB + Redis ${verdict.kind === 'skip' ? 'SKIPPED' : perLeg.mariadb}`);

const problems = [...failedChecks, ...countProblems(counts, { mariadbSkipped: verdict.kind === 'skip', fullRun })];
if (status !== 0) problems.push(`the test runner exited with ${status} (failing tests above)`);
if (timedOut) problems.unshift(`the test run exceeded TENANTRY_TEST_RUN_TIMEOUT_S=${runTimeoutS} s and was killed`);
if (problems.length) banner(['THE RUN FAILS:', ...problems]);
if (verdict.kind === 'skip') banner(['REMINDER: the MariaDB + Redis leg was SKIPPED in this run.', verdict.why]);
else await cleanUp();
process.exit(problems.length ? 1 : status);
