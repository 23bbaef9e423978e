/**
 * DDL on a big collection table (MariaDB): fills one collection table with ~1 M rows, then times
 * adding a string attribute column and a key index — through the same helpers the attributes and
 * indexes services use (`SET STATEMENT max_statement_time=0 FOR …`, `LOCK=NONE` when possible) —
 * while a concurrent writer keeps inserting rows, and reports whether writes stalled.
 *
 *   node bench/ddl-1m.ts            (uses mysql://root@127.0.0.1:3306, scratch DB tenantry_ddl_bench, dropped afterwards)
 *   BENCH_ROWS=200000 node bench/ddl-1m.ts
 */
import knexFactory, { type Knex } from 'knex';
import { openDatabase } from '../src/db/connection.ts';
import { addAttributeColumn, createCollectionIndex, createCollectionTables } from '../src/db/collection-ddl.ts';
import { systemAccess } from '../src/db/scope.ts';

const SERVER = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SCRATCH = 'tenantry_ddl_bench';
const TARGET_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TENANT = 1;
const COLLECTION = 1;

function adminKnex(database?: string): Knex {
  const url = new URL(SERVER);
  return knexFactory({
    client: 'mysql2',
    connection: { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database, dateStrings: true },
    pool: { min: 0, max: 2 },
  });
}

/** ~1 M rows fast: one multi-row INSERT of 1000, then INSERT … SELECT doubling. */
async function fill(knex: Knex, table: string, column: string): Promise<number> {
  const now = '2026-01-01 00:00:00.000';
  const seed = Array.from({ length: 1000 }, (_, i) => ({ _tenant: TENANT, _uid: `seed${i}`, _createdAt: now, _updatedAt: now, _permissions: '[]', [column]: i }));
  await knex(table).insert(seed);
  let rows = 1000;
  while (rows < TARGET_ROWS) {
    const [[{ m }]] = (await knex.raw('SELECT MAX(_id) AS m FROM ??', [table])) as unknown as [[{ m: number }]];
    await knex.raw(
      `INSERT INTO ?? (_tenant, _uid, _createdAt, _updatedAt, _permissions, ??)
       SELECT _tenant, CONCAT('r', _id + ?), _createdAt, _updatedAt, _permissions, ?? + ? FROM ?? LIMIT ?`,
      [table, column, Number(m), column, rows, table, Math.min(rows, TARGET_ROWS - rows)],
    );
    rows += Math.min(rows, TARGET_ROWS - rows);
  }
  return rows;
}

interface WriterStats { count: number; maxMs: number; latencies: number[] }

/** Inserts one row at a time until stopped; records each insert's latency. */
function startWriter(knex: Knex, table: string): { stop(): Promise<void>; take(): WriterStats; readonly overallMaxMs: number } {
  let running = true;
  let stats: WriterStats = { count: 0, maxMs: 0, latencies: [] };
  let n = 0;
  let overallMax = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await knex(table).insert({ _tenant: TENANT, _uid: `w${process.pid}_${n++}`, _createdAt: '2026-01-01 00:00:00.000', _updatedAt: '2026-01-01 00:00:00.000', _permissions: '[]' });
      const ms = performance.now() - started;
      stats.count++;
      stats.latencies.push(ms);
      if (ms > stats.maxMs) stats.maxMs = ms;
      if (ms > overallMax) overallMax = ms;
    }
  })();
  return {
    async stop() { running = false; await loop; },
    take() { const s = stats; stats = { count: 0, maxMs: 0, latencies: [] }; return s; },
    get overallMaxMs() { return overallMax; },
  };
}

function summary(label: string, ms: number, s: WriterStats): string {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms | concurrent inserts: ${String(s.count).padStart(6)} (${(s.count / (ms / 1000)).toFixed(0)}/s), median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const admin = adminKnex();
  await admin.raw(`DROP DATABASE IF EXISTS \`${SCRATCH}\``);
  await admin.raw(`CREATE DATABASE \`${SCRATCH}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  // The app's own connection (with its 10 s statement cap) runs the DDL, as the services would.
  const database = openDatabase(
    { url: `${SERVER}/${SCRATCH}`, client: 'mysql', poolMin: 0, poolMax: 4, acquireTimeoutMs: 10_000, idleTimeoutMs: 30_000, statementTimeoutS: 10 },
    { namespace: 'bench', layout: 'shared' },
  );
  const raw = adminKnex(SCRATCH);
  try {
    const tdb = systemAccess(database).project(TENANT);
    await createCollectionTables(tdb, COLLECTION);
    const table = tdb.collection(COLLECTION).names.docs;
    await addAttributeColumn(tdb, COLLECTION, 'a1', 'INT');
    const fillMs = await timed(async () => { await fill(raw, table, 'a1'); });
    const [[{ n }]] = (await raw.raw('SELECT COUNT(*) AS n FROM ??', [table])) as unknown as [[{ n: number }]];
    console.log(`filled ${table} with ${n} rows in ${(fillMs / 1000).toFixed(1)} s (MariaDB ${((await raw.raw('SELECT VERSION() AS v')) as unknown as [[{ v: string }]])[0][0].v})`);

    const writer = startWriter(raw, table);
    await new Promise((r) => setTimeout(r, 2000));
    console.log(summary('baseline (no DDL), 2 s', 2000, writer.take()));
    const steps: Array<[string, () => Promise<void>]> = [
      ['add string attribute VARCHAR(255)', () => addAttributeColumn(tdb, COLLECTION, 'a2', 'VARCHAR(255)')],
      ['add string array attribute (JSON)', () => addAttributeColumn(tdb, COLLECTION, 'a3', 'JSON')],
      ['key index (_tenant, a1)', () => createCollectionIndex(tdb, COLLECTION, `${table}_i1`, 'key', [{ column: 'a1', length: null, order: 'ASC' }])],
      ['unique index (_tenant, _uid, a1)', () => createCollectionIndex(tdb, COLLECTION, `${table}_i2`, 'unique', [{ column: '_uid', length: null, order: null }, { column: 'a1', length: null, order: null }])],
    ];
    for (const [label, step] of steps) {
      const ms = await timed(step);
      console.log(summary(label, ms, writer.take()));
    }
    await writer.stop();
    // An insert blocked across a step's end is counted in the next window; this catches it either way.
    console.log(`max single-insert latency over the whole run: ${writer.overallMaxMs.toFixed(1)} ms`);
  } finally {
    await raw.destroy();
    await database.close();
    await admin.raw(`DROP DATABASE IF EXISTS \`${SCRATCH}\``);
    await admin.destroy();
  }
}

await main();
