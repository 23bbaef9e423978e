/**
 * TenantDb — the only module that names a physical table or emits SQL for the app.
 *
 * Built for one project (tenant). Every builder it hands out already carries the namespace prefix and
 * `_tenant = ?`; user filters are applied inside their own group after it, so an OR can't escape.
 * Inserts get `_tenant` set here and refuse rows that try to set it themselves.
 *
 * Nothing outside `src/db/` can build one (the constructors demand the `MINT` token of internal.ts):
 * a request reaches its project through `ctx.scope` (scope.ts, minted by authentication), platform
 * code through the one named capability `systemAccess()`. Every statement carries its issuer
 * (`SqlOrigin`: the scope's tenant, or system) to the `onSql` hook, so the test guard can check that
 * each bound `_tenant` is the issuing project's.
 */
import type { Knex } from 'knex';
import type { Database, SqlOrigin } from './connection.ts';
import { assertMint, KNEX, MINT } from './internal.ts';
import { applyCondition, ALL, type ApplyEnv, type Condition, type Scalar } from './filter.ts';
import { assertColumn, collectionTables, junctionTable, platformTable, projectPrefix, projectTable } from './names.ts';
import { translateDriverError } from './errors.ts';
import { CompiledTable } from './compiled-table.ts';

export type Row = Record<string, unknown>;
export interface Order { readonly column: string; readonly dir: 'asc' | 'desc' }
export interface FindOptions {
  readonly where?: Condition;
  readonly columns?: readonly string[];
  readonly orderBy?: readonly Order[];
  readonly limit?: number;
  readonly offset?: number;
  /** Row lock inside a transaction (ignored on SQLite, whose writer lock already serialises). */
  readonly forUpdate?: boolean;
  /** Random order (Appwrite's `orderRandom`); applied before `orderBy`. */
  readonly random?: boolean;
  /**
   * Integers beyond ±(2^53 − 1) come back exact, as decimal strings (bigint columns): mysql2 does so
   * anyway (supportBigNumbers); better-sqlite3 reads this statement with safeIntegers. Compiled tables only.
   */
  readonly exactIntegers?: boolean;
}

type Conn = Knex | Knex.Transaction;
const MAX_TX_ATTEMPTS = 3;

/** One physical table, scoped to a tenant (or, for platform tables only, to none). */
export class ScopedTable {
  readonly #conn: Conn;
  readonly #db: Database;
  readonly #table: string;
  readonly #tenant: number | null;
  readonly #env: ApplyEnv;
  readonly #origin: SqlOrigin;

  /**
   * `permsTable`: for a document table, its `_perms` side table (lets `permitted` conditions resolve).
   * `system`: opened through `systemAccess()` rather than a request's scope (recorded with each statement).
   */
  constructor(conn: Conn, db: Database, table: string, tenant: number | null, permsTable?: string, system = false) {
    this.#conn = conn;
    this.#db = db;
    this.#table = table;
    this.#tenant = tenant;
    this.#origin = Object.freeze({ tenant, system });
    this.#env = { dialect: db.dialect.name, perms: permsTable && tenant !== null ? { table: permsTable, tenant } : undefined };
  }

  /** The scoped base query: tenant predicate first, then the caller's condition in its own group. */
  #scoped(where: Condition): Knex.QueryBuilder {
    const qb = this.#conn(this.#table);
    if (this.#tenant !== null) qb.where('_tenant', this.#tenant);
    if (where.kind !== 'true') qb.andWhere((w) => applyCondition(w, where, this.#env));
    return qb;
  }

  async find(options: FindOptions = {}): Promise<Row[]> {
    const qb = this.#scoped(options.where ?? ALL);
    qb.select(options.columns ? options.columns.map(assertColumn) : ['*']);
    if (options.random) qb.orderByRaw(this.#db.dialect.name === 'mysql' ? 'RAND()' : 'RANDOM()');
    for (const o of options.orderBy ?? []) qb.orderBy(assertColumn(o.column), o.dir === 'desc' ? 'desc' : 'asc');
    if (options.limit !== undefined) qb.limit(options.limit);
    if (options.offset) qb.offset(options.offset);
    if (options.forUpdate && this.#db.dialect.name === 'mysql') qb.forUpdate();
    return this.#run(() => qb) as Promise<Row[]>;
  }

  async first(where: Condition, columns?: readonly string[]): Promise<Row | undefined> {
    const rows = await this.find({ where, columns, limit: 1 });
    return rows[0];
  }

  /** Exact count up to `cap` (counting a capped subquery keeps large tables cheap). */
  async count(where: Condition = ALL, cap?: number): Promise<number> {
    const inner = this.#scoped(where).select(this.#conn.raw('1'));
    if (cap !== undefined) inner.limit(cap);
    const rows = (await this.#run(() => this.#conn.count({ n: '*' }).from(inner.as('counted')))) as Array<{ n: number | string }>;
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Inserts rows. For a one-row insert into a table with an auto-increment key, answers that row's key
   * (mysql2 `insertId`, better-sqlite3 `lastInsertRowid`); otherwise undefined (a multi-row insert's
   * keys need not be consecutive, so its caller reads them back).
   */
  async insert(rows: Row | readonly Row[]): Promise<number | undefined> {
    const list = (Array.isArray(rows) ? rows : [rows]) as Row[];
    if (list.length === 0) return undefined;
    const stamped = list.map((r) => {
      refuseTenantColumn(r);
      for (const k of Object.keys(r)) assertColumn(k);
      return this.#tenant === null ? { ...r } : { ...r, _tenant: this.#tenant };
    });
    const result = (await this.#run(() => this.#conn(this.#table).insert(stamped))) as unknown as unknown[];
    return list.length === 1 && result[0] !== undefined ? Number(result[0]) : undefined;
  }

  async update(where: Condition, patch: Row): Promise<number> {
    refuseTenantColumn(patch);
    for (const k of Object.keys(patch)) assertColumn(k);
    if (Object.keys(patch).length === 0) return 0;
    return this.#run(() => this.#scoped(where).update(patch)) as Promise<number>;
  }

  /**
   * `column = COALESCE(column, 0) + by` in one statement (so concurrent increments never lose one),
   * optionally only while the result stays within bounds; `also` sets other columns in the same write.
   * Returns the number of rows changed (0: no row matched, or the bound refused it).
   */
  async increment(where: Condition, column: string, by: number, bound?: { max?: number; min?: number }, also: Row = {}): Promise<number> {
    const c = assertColumn(column);
    refuseTenantColumn(also);
    for (const k of Object.keys(also)) assertColumn(k);
    const qb = this.#scoped(where);
    if (bound?.max !== undefined) qb.andWhere(this.#conn.raw('COALESCE(??, 0) + ? <= ?', [c, by, bound.max]));
    if (bound?.min !== undefined) qb.andWhere(this.#conn.raw('COALESCE(??, 0) + ? >= ?', [c, by, bound.min]));
    return this.#run(() => qb.update({ ...also, [c]: this.#conn.raw('COALESCE(??, 0) + ?', [c, by]) })) as Promise<number>;
  }

  async delete(where: Condition): Promise<number> {
    return this.#run(() => this.#scoped(where).delete()) as Promise<number>;
  }

  async #run<T>(fn: () => PromiseLike<T>): Promise<T> {
    try {
      return await tagged(fn(), this.#origin);
    } catch (e) {
      throw translateDriverError(this.#db.dialect, e);
    }
  }
}

/** Records the statement's issuer: knex hands a builder's `queryContext` to the `query` event (connection.ts). */
function tagged<T>(statement: PromiseLike<T>, origin: SqlOrigin): PromiseLike<T> {
  const builder = statement as PromiseLike<T> & { queryContext?: (context: unknown) => unknown };
  if (typeof builder.queryContext === 'function') builder.queryContext({ origin });
  return statement;
}

function refuseTenantColumn(row: Row): void {
  for (const k of Object.keys(row)) {
    if (k.trim().toLowerCase() === '_tenant') throw new Error('refusing a row that sets _tenant');
  }
}

/** Runs `fn` in a transaction, retrying deadlocks / SQLITE_BUSY a bounded number of times. */
async function inTransaction<T>(db: Database, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return withRetries(db, () => db[KNEX].transaction(fn));
}

/** Runs a whole transaction, again while it fails on a deadlock / SQLITE_BUSY (a bounded number of times). */
async function withRetries<T>(db: Database, transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (e) {
      if (attempt < MAX_TX_ATTEMPTS && db.dialect.isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
        continue;
      }
      throw translateDriverError(db.dialect, e);
    }
  }
}

export class TenantDb {
  readonly tenant: number;
  readonly prefix: string;
  readonly #db: Database;
  readonly #conn: Conn;
  readonly #system: boolean;
  /** A transaction's `afterTransaction` callbacks. */
  readonly #ended: Array<() => Promise<void>> = [];

  /** src/db only (`token` is internal.ts's MINT): see scope.ts for how the app gets one. */
  constructor(token: typeof MINT, db: Database, tenant: number, conn: Conn = db[KNEX], system = false) {
    assertMint(token, 'TenantDb');
    if (!Number.isSafeInteger(tenant) || tenant <= 0) throw new Error('TenantDb needs a project sequence');
    this.#db = db;
    this.tenant = tenant;
    this.prefix = projectPrefix(db.namespace, db.layout, tenant);
    this.#conn = conn;
    this.#system = system;
  }

  get dialect() { return this.#db.dialect.name; }
  get inTransaction(): boolean { return this.#conn !== this.#db[KNEX]; }

  /** A project system table (`users`, `databases`, `collections`, …). */
  table(name: string): ScopedTable {
    return new ScopedTable(this.#conn, this.#db, projectTable(this.prefix, name), this.tenant, undefined, this.#system);
  }

  /** A collection's document table and permission side table: compiled, prepared statements (the hot path). */
  collection(sequence: number): { docs: CompiledTable; perms: CompiledTable; names: { docs: string; perms: string } } {
    const names = collectionTables(this.prefix, sequence);
    return {
      docs: new CompiledTable(this.#conn, this.#db, names.docs, this.tenant, names.perms, this.#system),
      perms: new CompiledTable(this.#conn, this.#db, names.perms, this.tenant, undefined, this.#system),
      names,
    };
  }

  /** A many-to-many relationship's junction table (`_parent`, `_child` document IDs): compiled, like `collection()`. */
  junction(collectionSequence: number, attributeSequence: number): CompiledTable {
    return new CompiledTable(this.#conn, this.#db, junctionTable(this.prefix, collectionSequence, attributeSequence), this.tenant, undefined, this.#system);
  }

  /** Reuses an outer transaction; otherwise opens one (with bounded deadlock retries). */
  async transaction<T>(fn: (db: TenantDb) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return withRetries(this.#db, () => this.#attempt((open) => this.#db[KNEX].transaction((trx) => fn(open(trx)))));
  }

  /**
   * Runs `fn` once the transaction this handle belongs to has ended — committed or rolled back (each
   * deadlock retry is its own transaction). The total cache's write guard announces the end of a
   * collection write here (`src/features/documents/total-cache.ts`). `fn` must not throw.
   */
  afterTransaction(fn: () => Promise<void>): void {
    if (!this.inTransaction) throw new Error('afterTransaction needs a transaction');
    this.#ended.push(fn);
  }

  /** One transaction attempt (`run` opens it and mints its handle with `open`), then its `afterTransaction` callbacks. */
  async #attempt<T>(run: (open: (conn: Conn) => TenantDb) => Promise<T>): Promise<T> {
    let trx: TenantDb | undefined;
    try {
      return await run((conn) => (trx = new TenantDb(MINT, this.#db, this.tenant, conn, this.#system)));
    } finally {
      if (trx) for (const fn of trx.#ended.splice(0)) await fn();
    }
  }

  /**
   * A transaction whose statements are all compiled (the `collection()` tables: document writes):
   * BEGIN / COMMIT go straight to one pooled connection (statements.ts) instead of through a knex
   * transaction, with the same bounded deadlock retries. Inside it `table()` and DDL throw — work
   * that needs them takes `transaction()`. Reuses an outer transaction of either kind.
   */
  async documentTransaction<T>(fn: (db: TenantDb) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const origin = Object.freeze({ tenant: this.tenant, system: this.#system });
    return withRetries(this.#db, () => this.#attempt((open) => this.#db.statements.transaction(this.#db[KNEX], origin, (conn) => fn(open(conn)))));
  }

  /** The connection, for the DDL helpers in src/db only (the key lives in internal.ts). */
  get [KNEX](): Conn { return this.#conn; }
  /** True when opened through `systemAccess()` (platform work), not a request's scope. */
  get system(): boolean { return this.#system; }
  get database(): Database { return this.#db; }
}

/**
 * Platform access: console tables (no tenant), the database's liveness, and any project's TenantDb
 * for platform work (project deletion, start-up sweeps). Obtained only through `systemAccess()`
 * (scope.ts), whose callers the architecture test lists.
 */
export class SystemDb {
  readonly #db: Database;
  readonly #conn: Conn;

  /** src/db only (`token` is internal.ts's MINT): platform code calls `systemAccess(database)`. */
  constructor(token: typeof MINT, db: Database, conn: Conn = db[KNEX]) {
    assertMint(token, 'SystemDb');
    this.#db = db;
    this.#conn = conn;
  }

  get database(): Database { return this.#db; }

  platform(name: string): ScopedTable {
    return new ScopedTable(this.#conn, this.#db, platformTable(this.#db.namespace, name), null, undefined, true);
  }

  /** A project's tables for platform work; its statements are recorded as system-issued. */
  project(sequence: number): TenantDb {
    return new TenantDb(MINT, this.#db, sequence, this.#conn, true);
  }

  async transaction<T>(fn: (db: SystemDb) => Promise<T>): Promise<T> {
    if (this.#conn !== this.#db[KNEX]) return fn(this);
    return inTransaction(this.#db, (trx) => fn(new SystemDb(MINT, this.#db, trx)));
  }

  /** Liveness of the database host (for /v1/health/db). */
  async ping(): Promise<void> {
    try {
      await this.#conn.raw('SELECT 1');
    } catch (e) {
      throw translateDriverError(this.#db.dialect, e);
    }
  }
}

export type { Condition, Scalar };
