/**
 * The permission-filtered list and its capped COUNT, old side-table shape against the new one, on
 * the bench fixture's data (10 k documents, two users with 5 k each, owner-only read + update, an
 * index on `category`): the plan MariaDB picks (`ANALYZE FORMAT=JSON`: time and pages per table) and
 * the statement's median wall time over repeated runs; SQLite's `EXPLAIN QUERY PLAN` and timing too.
 *
 *   node bench/perms-plan.ts [--docs=10000] [--runs=300] [--sqlite]
 *
 * Uses a scratch database `tenantry_permsplan` on 127.0.0.1:3306 (root, no password; override with
 * BENCH_MYSQL_URL), dropped at the end. Bench-only code: it writes SQL straight through knex.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { createPermsTable } from '../src/db/collection-ddl.ts';
import { benchDocument } from './seed/bench-seed.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const DOCS = arg('docs', 10_000);
const RUNS = arg('runs', 300);
const TENANT = 7;
const ROLES = ['any', 'users', 'user:bench-user', 'users/unverified', 'user:bench-user/unverified'];
const DB = 'tenantry_permsplan';

type Dialect = 'mysql' | 'sqlite';
interface Shape { readonly name: string; readonly docs: string; readonly perms: string; readonly key: '_uid' | '_id'; readonly switches?: string }

async function createDocs(knex: Knex, dialect: Dialect, table: string): Promise<void> {
  const id = dialect === 'mysql' ? '`_id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY' : '`_id` INTEGER PRIMARY KEY AUTOINCREMENT';
  const tail = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin' : '';
  await knex.raw(`CREATE TABLE ?? (${id}, \`_tenant\` BIGINT UNSIGNED NOT NULL, \`_uid\` VARCHAR(36) NOT NULL, \`_createdAt\` DATETIME(3) NOT NULL, \`_updatedAt\` DATETIME(3) NOT NULL, \`_permissions\` MEDIUMTEXT NOT NULL, \`category\` VARCHAR(32) NULL, \`n\` BIGINT NULL, \`title\` VARCHAR(64) NULL)${tail}`, [table]);
  for (const [name, cols] of [['uid', '`_tenant`, `_uid`'], ['cat', '`_tenant`, `category`']] as const) {
    await knex.raw(`CREATE ${name === 'uid' ? 'UNIQUE ' : ''}INDEX ?? ON ?? (${cols})`, [`${table}_${name}`, table]);
  }
}

/** The side table as it was before migration 0003 (surrogate key, `_document` = the document's `$id`). */
async function createOldPerms(knex: Knex, dialect: Dialect, table: string): Promise<void> {
  const id = dialect === 'mysql' ? '`_id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY' : '`_id` INTEGER PRIMARY KEY AUTOINCREMENT';
  const tail = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin' : '';
  await knex.raw(`CREATE TABLE ?? (${id}, \`_tenant\` BIGINT UNSIGNED NOT NULL, \`_document\` VARCHAR(36) NOT NULL, \`_type\` VARCHAR(12) NOT NULL, \`_permission\` VARCHAR(255) NOT NULL)${tail}`, [table]);
  await knex.raw('CREATE UNIQUE INDEX ?? ON ?? (`_tenant`, `_document`, `_type`, `_permission`)', [`${table}_unique`, table]);
  await knex.raw('CREATE INDEX ?? ON ?? (`_tenant`, `_permission`, `_type`, `_document`)', [`${table}_lookup`, table]);
}

async function seed(knex: Knex, dialect: Dialect): Promise<Shape[]> {
  const shapes: Shape[] = [{ name: 'old', docs: 'p_old', perms: 'p_old_perms', key: '_uid' }, { name: 'new', docs: 'p_new', perms: 'p_new_perms', key: '_id' }];
  const now = '2026-01-01 00:00:00.000';
  for (const s of shapes) {
    await createDocs(knex, dialect, s.docs);
    if (s.key === '_uid') await createOldPerms(knex, dialect, s.perms);
    else await createPermsTable(knex, dialect, s.perms);
    // A second tenant with the same documents, so `_tenant` has to do its job.
    for (const tenant of [TENANT, TENANT + 1]) {
      for (let i = 0; i < DOCS; i += 500) {
        const batch = Array.from({ length: Math.min(500, DOCS - i) }, (_, k) => benchDocument(i + k, 'bench-user', 'bench-other'));
        await knex(s.docs).insert(batch.map((d) => ({ _tenant: tenant, _uid: d.$id, _createdAt: now, _updatedAt: now, _permissions: JSON.stringify(d.$permissions), category: d.category, n: d.n, title: d.title })));
        const ids = new Map(((await knex(s.docs).where('_tenant', tenant).whereIn('_uid', batch.map((d) => d.$id as string)).select('_id', '_uid')) as Array<{ _id: number; _uid: string }>).map((r) => [r._uid, Number(r._id)]));
        const rows = batch.flatMap((d) => (d.$permissions as string[]).map((p) => {
          const [, type, role] = /^(\w+)\("(.+)"\)$/.exec(p)!;
          return { _tenant: tenant, _document: s.key === '_uid' ? d.$id : ids.get(d.$id as string), _type: type, _permission: role };
        }));
        for (let k = 0; k < rows.length; k += 200) await knex(s.perms).insert(rows.slice(k, k + 200));
      }
    }
    if (dialect === 'mysql') await knex.raw('ANALYZE TABLE ??, ??', [s.docs, s.perms]);
  }
  if (dialect === 'sqlite') { await knex.raw('ANALYZE'); return shapes; }
  // MariaDB: the new shape as the app runs it (connection.ts turns subquery materialization off), and without that.
  return [shapes[0]!, { ...shapes[1]!, name: 'new, default optimizer_switch' }, { ...shapes[1]!, name: 'new, as the app runs it', switches: 'materialization=off' }];
}

function statements(s: Shape): Record<string, { sql: string; bindings: unknown[] }> {
  const permitted = `\`${s.key}\` IN (SELECT \`_document\` FROM \`${s.perms}\` WHERE \`_tenant\` = ? AND \`_type\` = ? AND \`_permission\` IN (${ROLES.map(() => '?').join(', ')}))`;
  const where = `WHERE \`_tenant\` = ? AND ((\`category\` = ?) AND (${permitted}))`;
  const bindings = [TENANT, 'c3', TENANT, 'read', ...ROLES];
  return {
    count: { sql: `SELECT COUNT(*) AS \`n\` FROM (SELECT 1 FROM \`${s.docs}\` ${where} LIMIT ?) AS \`counted\``, bindings: [...bindings, 5000] },
    page: { sql: `SELECT \`_id\`, \`_uid\`, \`_createdAt\`, \`_updatedAt\`, \`_permissions\`, \`category\`, \`n\`, \`title\` FROM \`${s.docs}\` ${where} ORDER BY \`_id\` ASC LIMIT ?`, bindings: [...bindings, 25] },
  };
}

/** The optimizer switches a shape runs under (MariaDB; one pooled connection, so a session setting sticks). */
async function session(knex: Knex, s: Shape): Promise<void> {
  if (knex.client.config.client === 'mysql2') await knex.raw(`SET SESSION optimizer_switch = '${s.switches ?? 'default'}'`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of each statement, old and new shapes run alternately so machine load hits both alike. */
async function wallTimes(knex: Knex, shapes: Shape[], list: Array<{ sql: string; bindings: unknown[] }>): Promise<number[]> {
  const times = list.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, st] of list.entries()) {
      await session(knex, shapes[k]!);
      const t = performance.now();
      await knex.raw(st.sql, st.bindings as never);
      times[k]!.push(performance.now() - t);
    }
  }
  return times.map(median);
}

async function analyzeJson(knex: Knex, st: { sql: string; bindings: unknown[] }): Promise<{ query_block: { r_total_time_ms: number } }> {
  const [[row]] = (await knex.raw(`ANALYZE FORMAT=JSON ${st.sql}`, st.bindings as never)) as unknown as [[Record<string, string>]];
  return JSON.parse(Object.values(row!)[0]!) as { query_block: { r_total_time_ms: number } };
}

/** The time MariaDB spent reading tables (r_table_time_ms over every table access in the plan). */
function sumTableTimes(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  let sum = Number((node as { table?: { r_table_time_ms?: number } }).table?.r_table_time_ms ?? 0);
  for (const v of Object.values(node)) if (v && typeof v === 'object') sum += sumTableTimes(v);
  return sum;
}

/** Per table in MariaDB's ANALYZE: access type, key, rows read, time, pages, and whether it read only the index. */
function tablesOf(node: unknown, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out;
  const t = (node as { table?: Record<string, unknown> }).table;
  if (t && typeof t.table_name === 'string') {
    const pages = (t.r_engine_stats as { pages_accessed?: number } | undefined)?.pages_accessed;
    out.push(`${t.table_name}: ${t.access_type} ${t.key ?? '-'}${t.using_index ? ' (index only)' : ''}, loops ${t.r_loops}, rows ${t.r_rows}, ${Number(t.r_table_time_ms ?? 0).toFixed(2)} ms, pages ${pages ?? '?'}`);
  }
  for (const v of Object.values(node)) if (v && typeof v === 'object') tablesOf(v, out);
  return out;
}

async function report(knex: Knex, dialect: Dialect, shapes: Shape[]): Promise<void> {
  for (const what of ['count', 'page'] as const) {
    const list = shapes.map((s) => statements(s)[what]!);
    const walls = await wallTimes(knex, shapes, list);
    for (const [k, s] of shapes.entries()) {
      const st = list[k]!;
      await session(knex, s);
      const result = await knex.raw(st.sql, st.bindings as never);
      const first = dialect === 'mysql' ? (result as unknown as [Row[]])[0][0] : (result as Row[])[0];
      console.log(`\n[${dialect}] ${s.name} shape, ${what}: ${what === 'count' ? `n = ${first?.n}` : `first _id ${first?._id}`}; client wall time median ${walls[k]!.toFixed(3)} ms (${RUNS} runs, alternating shapes)`);
      if (dialect === 'mysql') {
        const totals: number[] = [];
        const tableTimes: number[] = [];
        let plan = await analyzeJson(knex, st);
        for (let i = 0; i < 60; i++) {
          plan = await analyzeJson(knex, st);
          totals.push(plan.query_block.r_total_time_ms);
          tableTimes.push(sumTableTimes(plan));
        }
        console.log(`  server time (ANALYZE, median of 60): statement ${median(totals).toFixed(3)} ms, its table accesses ${median(tableTimes).toFixed(3)} ms`);
        for (const line of tablesOf(plan)) console.log(`  ${line}`);
      } else {
        const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${st.sql}`, st.bindings as never)) as Array<{ detail: string }>;
        for (const r of plan) console.log(`  ${r.detail}`);
      }
    }
  }
}
type Row = Record<string, unknown>;

async function main(): Promise<void> {
  const server = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const u = new URL(server);
  const connection = { host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), charset: 'utf8mb4', supportBigNumbers: true, dateStrings: true };
  const admin = knexFactory({ client: 'mysql2', connection, pool: { min: 0, max: 1 } });
  await admin.raw(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.raw(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.destroy();
  const knex = knexFactory({ client: 'mysql2', connection: { ...connection, database: DB }, pool: { min: 1, max: 1 } });
  try {
    await report(knex, 'mysql', await seed(knex, 'mysql'));
  } finally {
    if (!process.argv.includes('--keep')) await knex.raw(`DROP DATABASE IF EXISTS \`${DB}\``).catch(() => {});
    await knex.destroy();
  }
  if (!process.argv.includes('--sqlite')) return;
  const dir = mkdtempSync(join(tmpdir(), 'permsplan-'));
  const lite = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'p.db') }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  try {
    await report(lite, 'sqlite', await seed(lite, 'sqlite'));
  } finally {
    await lite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
