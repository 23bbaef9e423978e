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
  execute(options: { sql: string; values: unknown[]; timeout?: number }, cb: (err: Error | null, result: unknown) => void): void;
  destroy(): void;
  stream?: { destroy(): void };
  __knex__disposed?: unknown;
}
interface SqliteStatement { readonly reader: boolean; all(values: unknown[]): unknown[]; run(values: unknown[]): { changes: number; lastInsertRowid: number | bigint } }
interface SqliteRaw { prepare(sql: string): SqliteStatement }

/** Prepared statements kept per SQLite connection (each is a compiled VM program). */
const SQLITE_STATEMENTS = 500;

export interface StatementRunner {
  /** A statement that returns rows. */
  rows(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin): Promise<Record<string, unknown>[]>;
  /** An INSERT / UPDATE / DELETE: rows changed and, for an insert, the first new `_id`. */
  write(conn: Conn, sql: string, values: unknown[], origin: SqlOrigin): Promise<WriteResult>;
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
      // As in connection.ts: past the client-side timeout the server is frozen or partitioned, so the
      // connection is destroyed rather than handed back behind a command that may never finish.
      if ((e as { code?: string }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        raw.__knex__disposed = e;
        raw.destroy();
        raw.stream?.destroy();
      }
      throw e;
    } finally {
      await client.releaseConnection(raw);
    }
  }
  return {
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
    rows: (conn, sql, values, origin) => run(conn, sql, values, origin, (stmt, bound) => stmt.all(bound) as Record<string, unknown>[]),
    write: (conn, sql, values, origin) => run(conn, sql, values, origin, (stmt, bound) => {
      const r = stmt.run(bound);
      return { affected: r.changes, insertId: Number(r.lastInsertRowid) };
    }),
  };
}
