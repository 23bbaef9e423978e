/**
 * Runs compiled statements as prepared statements on knex's own connections: mysql2 `execute`
 * (binary protocol; mysql2 keeps a bounded per-connection statement cache keyed by the SQL text) and
 * better-sqlite3 `prepare` (cached here per connection and text, bounded). A connection comes from
 * knex's pool — or, inside a transaction, is the transaction's own — so transactions, pool limits
 * and connection health stay knex's. Every statement is reported to the `onSql` listeners first,
 * like knex's own queries, so the tenant guard sees it.
 */
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import type { SqlEvent, SqlOrigin } from './connection.ts';
import { sqliteValue } from './sql-text.ts';

type Conn = Knex | Knex.Transaction;
export interface WriteResult { readonly affected: number; readonly insertId: number }

interface MysqlRaw {
  query(options: { sql: string; timeout?: number }, cb: (err: Error | null) => void): void;
  execute(options: { sql: string; values: unknown[]; timeout?: number }, cb: (err: Error | null, result: unknown) => void): void;
  destroy(): void;
  stream?: { destroy(): void };
  __knex__disposed?: unknown;
}
interface SqliteStatement { readonly reader: boolean; safeIntegers(on: boolean): SqliteStatement; all(values: unknown[]): unknown[]; run(values: unknown[]): { changes: number; lastInsertRowid: number | bigint } }
interface SqliteRaw { prepare(sql: string): SqliteStatement; exec(sql: string): void; readonly inTransaction: boolean }
interface PoolClient<R> { acquireConnection(): Promise<R>; releaseConnection(c: R): Promise<void> }

/**
 * The handle a light transaction's `fn` gets: compiled tables take its one connection through
 * `client`; used as knex (a query builder, `raw`, `schema`), it throws rather than run outside the transaction.
 */
class TransactionHandle<R> {
  readonly client: PoolClient<R>;
  constructor(raw: R) {
    const held = Promise.resolve(raw);
    this.client = { acquireConnection: () => held, releaseConnection: () => RELEASED };
  }
  get raw(): never { return refuse(); }
  get schema(): never { return refuse(); }
  get count(): never { return refuse(); }
  get transaction(): never { return refuse(); }
}
const RELEASED = Promise.resolve();
function refuse(): never {
  throw new Error('this transaction runs compiled statements only: use TenantDb.transaction for knex-built ones');
}

/** (Not callable either: `handle(table)`, knex's query-builder form, is a TypeError.) */
function transactionHandle<R>(raw: R): Knex.Transaction {
  return new TransactionHandle(raw) as unknown as Knex.Transaction;
}

/** BEGIN, `fn`, COMMIT; ROLLBACK when anything fails (a failed ROLLBACK leaves the connection to be discarded). */
async function withTransaction<R, T>(client: PoolClient<R>, raw: R, send: (sql: string) => Promise<void>, discard: () => void, fn: (conn: Knex.Transaction) => Promise<T>): Promise<T> {
  try {
    await send('BEGIN');
    const result = await fn(transactionHandle(raw));
    await send('COMMIT');
    return result;
  } catch (e) {
    try { await send('ROLLBACK'); } catch { discard(); }
    throw e;
  } finally {
    await client.releaseConnection(raw);
  }
}

/** Prepared statements kept per SQLite connection (each is a compiled VM program). */
const SQLITE_STATEMENTS = 500;

export interface StatementRunner {
  /**
   * A transaction for compiled statements only: BEGIN / COMMIT (ROLLBACK on failure) sent straight on
   * one pooled connection — no knex transaction object, whose bookkeeping costs more CPU than the
   * statements it wraps. `fn` gets a connection handle that compiled tables use; a knex query
   * builder on it throws (knex-built statements need `TenantDb.transaction`).
   */
  transaction<T>(root: Knex, origin: SqlOrigin, fn: (conn: Knex.Transaction) => Promise<T>): Promise<T>;
  /** A statement that returns rows; `exactIntegers`: integers beyond 2^53 as exact decimal strings (FindOptions). */
  rows(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin, exactIntegers?: boolean): Promise<Record<string, unknown>[]>;
  /** An INSERT / UPDATE / DELETE: rows changed and, for an insert, the first new `_id`. */
  write(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin): Promise<WriteResult>;
}

/**
 * As in connection.ts: past the client-side timeout the server is frozen or partitioned, so the
 * connection is destroyed rather than handed back behind a command that may never finish.
 */
function guard(raw: MysqlRaw, e: unknown): unknown {
  if ((e as { code?: string }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') dispose(raw, e);
  return e;
}

/** Destroys a connection and marks it so knex's pool drops it instead of handing it out again. */
function dispose(raw: MysqlRaw, reason: unknown): void {
  raw.__knex__disposed = reason;
  raw.destroy();
  raw.stream?.destroy();
}

export function mysqlRunner(emit: (e: SqlEvent) => void, queryTimeoutMs: number): StatementRunner {
  async function run(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin): Promise<unknown> {
    emit({ sql, bindings: values, origin });
    const client = conn.client as { acquireConnection(): Promise<MysqlRaw>; releaseConnection(c: MysqlRaw): Promise<void> };
    const raw = await client.acquireConnection();
    try {
      return await new Promise((resolve, reject) => {
        const options = queryTimeoutMs > 0 ? { sql, values, timeout: queryTimeoutMs } : { sql, values };
        raw.execute(options, (err, result) => (err ? reject(err) : resolve(result)));
      });
    } catch (e) {
      throw guard(raw, e);
    } finally {
      await client.releaseConnection(raw);
    }
  }
  return {
    async transaction(root, origin, fn) {
      const client = root.client as PoolClient<MysqlRaw>;
      const raw = await client.acquireConnection();
      const send = (sql: string) => {
        emit({ sql, bindings: [], origin });
        return new Promise<void>((resolve, reject) => {
          raw.query(queryTimeoutMs > 0 ? { sql, timeout: queryTimeoutMs } : { sql }, (err) => (err ? reject(guard(raw, err)) : resolve()));
        });
      };
      // A connection whose ROLLBACK failed may still hold the transaction open: never hand it back.
      return withTransaction(client, raw, send, () => dispose(raw, new Error('transaction not rolled back')), fn);
    },
    async rows(conn, sql, values, origin) {
      return (await run(conn, sql, values, origin)) as Record<string, unknown>[];
    },
    async write(conn, sql, values, origin) {
      const r = (await run(conn, sql, values, origin)) as { affectedRows: number; insertId: number };
      return { affected: r.affectedRows, insertId: Number(r.insertId) };
    },
  };
}

export function sqliteRunner(emit: (e: SqlEvent) => void): StatementRunner {
  const perConnection = new WeakMap<SqliteRaw, LRUCache<string, SqliteStatement>>();
  function prepared(raw: SqliteRaw, sql: string): SqliteStatement {
    let cache = perConnection.get(raw);
    if (!cache) { cache = new LRUCache({ max: SQLITE_STATEMENTS }); perConnection.set(raw, cache); }
    let stmt = cache.get(sql);
    if (!stmt) { stmt = raw.prepare(sql); cache.set(sql, stmt); }
    return stmt;
  }
  async function run<T>(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin, fn: (stmt: SqliteStatement, bound: unknown[]) => T): Promise<T> {
    emit({ sql, bindings: values, origin });
    const client = conn.client as { acquireConnection(): Promise<SqliteRaw>; releaseConnection(c: SqliteRaw): Promise<void> };
    const raw = await client.acquireConnection();
    try {
      return fn(prepared(raw, sql), values.map(sqliteValue));
    } finally {
      await client.releaseConnection(raw);
    }
  }
  return {
    async transaction(root, origin, fn) {
      const client = root.client as PoolClient<SqliteRaw>;
      const raw = await client.acquireConnection();
      const send = async (sql: string) => {
        emit({ sql, bindings: [], origin });
        // SQLite may already have ended a failed transaction itself: no ROLLBACK without one.
        if (sql !== 'ROLLBACK' || raw.inTransaction) raw.exec(sql);
      };
      return withTransaction(client, raw, send, () => {}, fn);
    },
    rows: (conn, sql, values, origin, exactIntegers) => run(conn, sql, values, origin, (stmt, bound) => {
      // safeIntegers is per statement: set on every run, since the cached statement is shared.
      const rows = stmt.safeIntegers(exactIntegers === true).all(bound) as Record<string, unknown>[];
      return exactIntegers ? rows.map(exactRow) : rows;
    }),
    write: (conn, sql, values, origin) => run(conn, sql, values, origin, (stmt, bound) => {
      const r = stmt.run(bound);
      return { affected: r.changes, insertId: Number(r.lastInsertRowid) };
    }),
  };
}

/** A safeIntegers row as the rest of the app reads rows: numbers when safe, exact decimal strings beyond 2^53 (as mysql2 answers). */
function exactRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'bigint') row[k] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  }
  return row;
}
