/**
 * Migrations (knex's migrator, with our static lists as the source). Platform tables migrate once;
 * project system tables migrate once in the `shared` layout, or once per project namespace in the
 * `isolated` layout (each namespace keeps its own knex_migrations table, so a crash resumes cleanly).
 */
import type { Knex } from 'knex';
import { platformMigrations, projectMigrations } from '../../migrations/index.ts';
import type { Database } from './connection.ts';
import { KNEX } from './internal.ts';
import type { Migration, MigrationContext } from './ddl.ts';
import { platformTable, projectPrefix, projectTable } from './names.ts';

function source(list: readonly Migration[], ctx: MigrationContext): Knex.MigrationSource<Migration> {
  return {
    getMigrations: async () => [...list],
    getMigrationName: (m) => m.name,
    getMigration: async (m) => ({ up: (k: Knex) => m.up(k, ctx), down: (k: Knex) => m.down(k, ctx) }),
  };
}

function platformContext(db: Database): MigrationContext {
  return { dialect: db.dialect, table: (n) => platformTable(db.namespace, n) };
}

function projectContext(db: Database, prefix: string): MigrationContext {
  return { dialect: db.dialect, table: (n) => projectTable(prefix, n) };
}

async function latest(db: Database, list: readonly Migration[], ctx: MigrationContext, tableName: string): Promise<string[]> {
  const [, names] = (await db[KNEX].migrate.latest({ migrationSource: source(list, ctx), tableName })) as [number, string[]];
  return names;
}

async function pending(db: Database, list: readonly Migration[], ctx: MigrationContext, tableName: string): Promise<number> {
  const [, todo] = (await db[KNEX].migrate.list({ migrationSource: source(list, ctx), tableName })) as [unknown[], unknown[]];
  return todo.length;
}

const platformLedger = (db: Database) => platformTable(db.namespace, 'migrations');
const projectLedger = (prefix: string) => `${prefix}migrations`;

/** Applies every pending migration: platform, then the shared project tables or each project namespace. */
export async function migrateAll(db: Database): Promise<string[]> {
  const applied = await latest(db, platformMigrations, platformContext(db), platformLedger(db));
  if (db.layout === 'shared') {
    const prefix = projectPrefix(db.namespace, 'shared', 0);
    applied.push(...(await latest(db, projectMigrations, projectContext(db, prefix), projectLedger(prefix))));
  } else {
    const rows = (await db[KNEX](platformTable(db.namespace, 'projects')).select('_id').orderBy('_id')) as Array<{ _id: number }>;
    for (const { _id } of rows) applied.push(...(await migrateProjectNamespace(db, Number(_id))));
  }
  return applied;
}

/** Isolated layout: creates (or brings up to date) one project's namespace. No-op in the shared layout. */
export async function migrateProjectNamespace(db: Database, projectSequence: number): Promise<string[]> {
  if (db.layout === 'shared') return [];
  const prefix = projectPrefix(db.namespace, 'isolated', projectSequence);
  return latest(db, projectMigrations, projectContext(db, prefix), projectLedger(prefix));
}

/** Isolated layout: drops one project's system tables and its ledger (collection tables are dropped by their owner). */
export async function dropProjectNamespace(db: Database, projectSequence: number): Promise<void> {
  if (db.layout === 'shared') return;
  const prefix = projectPrefix(db.namespace, 'isolated', projectSequence);
  const ctx = projectContext(db, prefix);
  for (const m of [...projectMigrations].reverse()) await m.down(db[KNEX], ctx);
  await db[KNEX].schema.dropTableIfExists(`${projectLedger(prefix)}_lock`);
  await db[KNEX].schema.dropTableIfExists(projectLedger(prefix));
}

/** True when no Tenantry table exists yet (the server then migrates on start). */
export async function isEmpty(db: Database): Promise<boolean> {
  return !(await db[KNEX].schema.hasTable(platformLedger(db)));
}

export async function pendingCount(db: Database): Promise<number> {
  let n = await pending(db, platformMigrations, platformContext(db), platformLedger(db));
  if (db.layout === 'shared') {
    const prefix = projectPrefix(db.namespace, 'shared', 0);
    n += await pending(db, projectMigrations, projectContext(db, prefix), projectLedger(prefix));
  } else if (n === 0) {
    // Isolated: every project namespace keeps its own ledger, and a pending conversion there
    // (e.g. 0003, the `_perms` shape the code now reads) must stop the start just the same.
    const rows = (await db[KNEX](platformTable(db.namespace, 'projects')).select('_id').orderBy('_id')) as Array<{ _id: number }>;
    for (const { _id } of rows) {
      const prefix = projectPrefix(db.namespace, 'isolated', Number(_id));
      n += await pending(db, projectMigrations, projectContext(db, prefix), projectLedger(prefix));
    }
  }
  return n;
}
