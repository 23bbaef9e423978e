/**
 * DDL for collection tables: the physical document table and its `_perms` side table, named only
 * from the namespace prefix and internal sequences. `_tenant` leads every index, so uniqueness and
 * lookups are per project in the shared layout. Index names carry the table name because SQLite's
 * index names are database-wide.
 */
import type { Knex } from 'knex';
import type { DialectName } from './dialect.ts';
import type { TenantDb } from './tenant-db.ts';
import { KNEX } from './internal.ts';
import { assertColumn, collectionTables } from './names.ts';
import { createTable } from './ddl.ts';

type Conn = Knex | Knex.Transaction;

/** Creates a collection's tables if they don't exist yet (idempotent, so a retried create is safe). */
export async function createCollectionTables(db: TenantDb, collectionSequence: number): Promise<void> {
  const { docs, perms } = collectionTables(db.prefix, collectionSequence);
  const knex = db[KNEX];
  const dialect = db.database.dialect;
  if (!(await knex.schema.hasTable(docs))) {
    await createTable(knex, dialect, docs, (t) => {
      t.bigIncrements('_id').primary(); // $sequence
      t.bigInteger('_tenant').unsigned().notNullable();
      t.string('_uid', 36).notNullable(); // $id
      t.datetime('_createdAt', { precision: 3 }).notNullable();
      t.datetime('_updatedAt', { precision: 3 }).notNullable();
      t.text('_permissions', 'mediumtext').notNullable(); // JSON list as returned to clients
      t.unique(['_tenant', '_uid'], { indexName: `${docs}_uid` });
      t.index(['_tenant', '_createdAt'], `${docs}_created`);
      t.index(['_tenant', '_updatedAt'], `${docs}_updated`);
    });
  }
  await createPermsTable(knex, db.dialect, perms);
}

/**
 * The permission side table, one row per (document, type, role). `_document` is the document's
 * integer row key `_id`, so the read filter `_id IN (SELECT _document …)` runs from any secondary
 * index of the document table (InnoDB and SQLite secondary indexes carry the row key) without
 * touching a document row. Two keys, `_tenant` first in both, each holding every column (so both
 * access paths are index-only), and no surrogate key:
 * - the primary (clustered) key `(_tenant, _permission, _type, _document)` scans one role's documents;
 * - `…_doc` `(_tenant, _document, _type, _permission)` probes one candidate document.
 * The role-first clustered key is measured, not arbitrary: with the document-first key clustered,
 * MariaDB 10.11 reads the permission subquery through that key's `_tenant` prefix (every row of the
 * project). Role-first, and with subquery materialization off for the session (connection.ts: it
 * would build a role's whole row set even for a 25-row page), it probes `…_doc` per candidate
 * (FirstMatch) when the other predicates are selective and drives from the role's key range when
 * they aren't (bench/perms-plan.ts; test/documents/explain.test.ts asserts the plans). SQLite stores
 * the table WITHOUT ROWID and drives from the role's key range into the candidates' covering index.
 * Idempotent (IF NOT EXISTS), so a create or a migration that died half-way can run again;
 * `docIndex` defaults to the name the table's final name gives it (a migration building the table
 * under a temporary name passes that).
 */
export async function createPermsTable(knex: Conn, dialect: DialectName, perms: string, docIndex = permsDocIndex(perms)): Promise<void> {
  const key = '(`_tenant`, `_permission`, `_type`, `_document`)';
  const probe = '(`_tenant`, `_document`, `_type`, `_permission`)';
  if (dialect === 'mysql') {
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ?? (\`_tenant\` BIGINT UNSIGNED NOT NULL, \`_document\` BIGINT UNSIGNED NOT NULL, ${PERMS_TEXT_COLUMNS}, PRIMARY KEY ${key}, KEY ?? ${probe}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin`,
      [perms, docIndex],
    );
    return;
  }
  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ?? (\`_tenant\` INTEGER NOT NULL, \`_document\` INTEGER NOT NULL, ${PERMS_TEXT_COLUMNS}, PRIMARY KEY ${key}) WITHOUT ROWID`,
    [perms],
  );
  await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? ${probe}`, [docIndex, perms]);
}

/** `_type`: read | create | update | delete (write is never stored); `_permission`: any, users, user:u1, team:t/owner … */
const PERMS_TEXT_COLUMNS = '`_type` VARCHAR(12) NOT NULL, `_permission` VARCHAR(255) NOT NULL';

/** The per-document index's name (carries the table name: SQLite index names are database-wide). */
export function permsDocIndex(perms: string): string {
  return `${perms}_doc`;
}

/** Drops a collection's tables if they exist (idempotent, so deletion can resume after a crash). */
export async function dropCollectionTables(db: TenantDb, collectionSequence: number): Promise<void> {
  const { docs, perms } = collectionTables(db.prefix, collectionSequence);
  const knex = db[KNEX];
  await knex.schema.dropTableIfExists(perms);
  await knex.schema.dropTableIfExists(docs);
}

// ---------------------------------------------------------------------------------------------
// Attribute columns and collection indexes. Every helper is idempotent (it checks the catalog
// first), so a create or delete that died half-way can simply be run again.

/** The one physical index of a collection index: its table-unique name and key parts. */
export interface IndexPart { readonly column: string; readonly length: number | null; readonly order: 'ASC' | 'DESC' | null }
export type PhysicalIndexType = 'key' | 'unique' | 'fulltext';

/**
 * Test-only fault injection: called at named DDL steps (`add-column:before|after`,
 * `create-index:before|after`); a hook that throws simulates a failure there, one that waits a slow DDL.
 */
type FaultHook = (step: string) => void | Promise<void>;
let faultHook: FaultHook | null = null;
export function setDdlFaultHook(hook: FaultHook | null): void {
  faultHook = hook;
}
async function fault(step: string): Promise<void> {
  if (faultHook) await faultHook(step);
}

/** Physical index name: carries the table name, since SQLite index names are database-wide. */
export function collectionIndexName(db: TenantDb, collectionSequence: number, indexSequence: number): string {
  return `${collectionTables(db.prefix, collectionSequence).docs}_i${indexSequence}`;
}

/**
 * Runs one DDL statement. On MariaDB it lifts the session's `max_statement_time` (DDL on a big table
 * legitimately takes longer than a request query) and first asks for an online change (`LOCK=NONE`),
 * falling back to the engine's default when the change can't be made online.
 */
async function runDdl(db: TenantDb, sql: string, bindings: readonly unknown[], onlineClause: string | null): Promise<void> {
  const knex = db[KNEX];
  if (db.dialect !== 'mysql') {
    await knex.raw(sql, bindings as never);
    return;
  }
  const prefix = 'SET STATEMENT max_statement_time=0 FOR ';
  if (onlineClause) {
    try {
      await knex.raw(prefix + sql + onlineClause, bindings as never);
      return;
    } catch (e) {
      const errno = (e as { errno?: number }).errno;
      // 1845/1846: the requested LOCK/ALGORITHM is not supported for this change.
      if (errno !== 1845 && errno !== 1846) throw e;
    }
  }
  await knex.raw(prefix + sql, bindings as never);
}

export async function hasCollectionColumn(db: TenantDb, collectionSequence: number, column: string): Promise<boolean> {
  const { docs } = collectionTables(db.prefix, collectionSequence);
  return db[KNEX].schema.hasColumn(docs, assertColumn(column));
}

/** Adds a nullable attribute column of `sqlType` (from a fixed list built by the attributes feature). */
export async function addAttributeColumn(db: TenantDb, collectionSequence: number, column: string, sqlType: string): Promise<void> {
  assertSqlType(sqlType);
  const { docs } = collectionTables(db.prefix, collectionSequence);
  await fault('add-column:before');
  if (!(await hasCollectionColumn(db, collectionSequence, column))) {
    await runDdl(db, `ALTER TABLE ?? ADD COLUMN ?? ${sqlType} NULL`, [docs, assertColumn(column)], ', LOCK=NONE');
  }
  await fault('add-column:after');
}

/** Changes a column's type (MariaDB only; SQLite's column types are advisory, so a resize there is metadata-only). */
export async function modifyAttributeColumn(db: TenantDb, collectionSequence: number, column: string, sqlType: string): Promise<void> {
  assertSqlType(sqlType);
  if (db.dialect !== 'mysql') return;
  const { docs } = collectionTables(db.prefix, collectionSequence);
  await runDdl(db, `ALTER TABLE ?? MODIFY COLUMN ?? ${sqlType} NULL`, [docs, assertColumn(column)], null);
}

export async function dropAttributeColumn(db: TenantDb, collectionSequence: number, column: string): Promise<void> {
  const { docs } = collectionTables(db.prefix, collectionSequence);
  if (!(await hasCollectionColumn(db, collectionSequence, column))) return;
  await runDdl(db, 'ALTER TABLE ?? DROP COLUMN ??', [docs, assertColumn(column)], db.dialect === 'mysql' ? ', LOCK=NONE' : null);
}

export async function hasCollectionIndex(db: TenantDb, collectionSequence: number, name: string): Promise<boolean> {
  const { docs } = collectionTables(db.prefix, collectionSequence);
  const knex = db[KNEX];
  if (db.dialect === 'mysql') {
    const [rows] = (await knex.raw(
      'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? LIMIT 1',
      [docs, assertColumn(name)],
    )) as unknown as [unknown[]];
    return rows.length > 0;
  }
  const rows = (await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?", [docs, name])) as unknown[];
  return rows.length > 0;
}

/**
 * Creates a collection index. Key and unique indexes lead with `_tenant`, so uniqueness is per
 * project. FULLTEXT can't take `_tenant` (queries always add the tenant predicate instead); on
 * SQLite a fulltext index is metadata only (search falls back to LIKE there).
 */
export async function createCollectionIndex(db: TenantDb, collectionSequence: number, name: string, type: PhysicalIndexType, parts: readonly IndexPart[]): Promise<void> {
  const { docs } = collectionTables(db.prefix, collectionSequence);
  await fault('create-index:before');
  if (type === 'fulltext' && db.dialect !== 'mysql') return;
  if (await hasCollectionIndex(db, collectionSequence, name)) {
    await fault('create-index:after');
    return;
  }
  const bindings: unknown[] = [assertColumn(name), docs];
  const cols: string[] = [];
  if (type !== 'fulltext') {
    cols.push('??');
    bindings.push('_tenant');
  }
  for (const p of parts) {
    bindings.push(assertColumn(p.column));
    const length = p.length !== null && db.dialect === 'mysql' ? `(${Math.trunc(p.length)})` : '';
    const order = type !== 'fulltext' && p.order ? ` ${p.order === 'DESC' ? 'DESC' : 'ASC'}` : '';
    cols.push(`??${length}${order}`);
  }
  const kind = type === 'unique' ? 'UNIQUE INDEX' : type === 'fulltext' ? 'FULLTEXT INDEX' : 'INDEX';
  await runDdl(db, `CREATE ${kind} ?? ON ?? (${cols.join(', ')})`, bindings, type === 'fulltext' ? null : ' LOCK=NONE');
  await fault('create-index:after');
}

export async function dropCollectionIndex(db: TenantDb, collectionSequence: number, name: string): Promise<void> {
  const { docs } = collectionTables(db.prefix, collectionSequence);
  if (!(await hasCollectionIndex(db, collectionSequence, name))) return;
  if (db.dialect === 'mysql') await runDdl(db, 'DROP INDEX ?? ON ??', [assertColumn(name), docs], null);
  else await db[KNEX].raw('DROP INDEX ??', [assertColumn(name)]);
}

/** Column types the attributes feature may ask for; anything else is refused before it reaches SQL. */
const SQL_TYPE = /^(VARCHAR\(\d{1,5}\)|TEXT|MEDIUMTEXT|LONGTEXT|JSON|INT|BIGINT|DOUBLE|TINYINT\(1\)|DATETIME\(3\))$/;
function assertSqlType(sqlType: string): void {
  if (!SQL_TYPE.test(sqlType)) throw new Error(`refusing column type ${JSON.stringify(sqlType)}`);
}
