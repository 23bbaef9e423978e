/**
 * Opens the one knex instance for a database host. Nothing outside `src/db/` sees knex; the rest of
 * the app gets a `Database` and builds `TenantDb`s from it.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig, Layout } from '../config.ts';
import { mysqlDialect, sqliteDialect, type Dialect } from './dialect.ts';
import { KNEX } from './internal.ts';
import { mysqlRunner, sqliteRunner, type StatementRunner } from './statements.ts';

/**
 * Who issued a statement: a project scope (`tenant` = its project's sequence, `system` false), or
 * platform code through `systemAccess()` (`system` true; `tenant` null for console tables). Absent:
 * a statement that did not come through TenantDb / SystemDb (migrations, DDL).
 */
export interface SqlOrigin { readonly tenant: number | null; readonly system: boolean }
export interface SqlEvent { readonly sql: string; readonly bindings: readonly unknown[]; readonly origin?: SqlOrigin }
export type SqlListener = (event: SqlEvent) => void;

export interface Database {
  /** The knex instance: src/db only (the key lives in internal.ts, which nothing outside src/db imports). */
  readonly [KNEX]: Knex;
  readonly dialect: Dialect;
  readonly namespace: string;
  readonly layout: Layout;
  readonly statementTimeoutS: number;
  /** Internal to src/db: runs the compiled (prepared) statements of document tables. */
  readonly statements: StatementRunner;
  /** Test hook: every statement sent, with its bindings (the tenant guard test reads these). */
  onSql(listener: SqlListener): () => void;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig, options: { namespace: string; layout: Layout }): Database {
  const knex = config.client === 'sqlite' ? openSqlite(config) : openMysql(config);
  const listeners = new Set<SqlListener>();
  const emit = (e: SqlEvent) => { for (const l of listeners) l(e); };
  // TenantDb / SystemDb tag their builders with `queryContext({ origin })`; knex hands it to this event.
  knex.on('query', (q: { sql: string; bindings?: unknown[]; queryContext?: { origin?: SqlOrigin } }) => {
    if (listeners.size) emit({ sql: q.sql, bindings: q.bindings ?? [], origin: q.queryContext?.origin });
  });
  return {
    [KNEX]: knex,
    statements: config.client === 'sqlite' ? sqliteRunner(emit) : mysqlRunner(emit, config.queryTimeoutMs ?? 0),
    dialect: config.client === 'sqlite' ? sqliteDialect : mysqlDialect,
    namespace: options.namespace,
    layout: options.layout,
    statementTimeoutS: config.statementTimeoutS,
    onSql(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => knex.destroy(),
  };
}

function openSqlite(config: DatabaseConfig): Knex {
  const filename = config.url.replace(/^sqlite:(\/\/)?/, '') || ':memory:';
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // better-sqlite3 is synchronous: one connection serialises writers the way SQLite does anyway.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
        conn.pragma('synchronous = NORMAL');
        done(null, conn);
      },
    },
    acquireConnectionTimeout: config.acquireTimeoutMs,
  });
}

interface MysqlConn {
  query(options: { sql: string; timeout?: number }, cb: (err: Error | null) => void): void;
  destroy(): void;
  stream?: { destroy(): void };
  __knex__disposed?: unknown;
}
interface QueryObject { sql?: string; options?: Record<string, unknown> }
type MysqlClientClass = new (config: Knex.Config) => { _query(conn: MysqlConn, obj: QueryObject): Promise<unknown> };

/**
 * knex's mysql2 client with a client-side timeout on every query (mysql2's per-query `timeout`). A
 * query past it means the server is frozen or partitioned — `max_statement_time` would have ended a
 * merely slow one — so the connection is destroyed rather than handed back to the pool behind a
 * command that may never finish. DDL lifts `max_statement_time` and is exempt here too.
 */
function guardedMysqlClient(queryTimeoutMs: number): MysqlClientClass {
  const require = createRequire(import.meta.url);
  const Base = require('knex/lib/dialects/mysql2/index.js') as MysqlClientClass;
  return class GuardedMysql2 extends Base {
    override async _query(conn: MysqlConn, obj: QueryObject): Promise<unknown> {
      if (queryTimeoutMs > 0 && obj?.sql && obj.options?.timeout === undefined && !/max_statement_time\s*=\s*0\b/i.test(obj.sql)) {
        obj.options = { ...obj.options, timeout: queryTimeoutMs };
      }
      try {
        return await super._query(conn, obj);
      } catch (e) {
        if ((e as { code?: string }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
          conn.__knex__disposed = e;
          conn.destroy();
          conn.stream?.destroy();
        }
        throw e;
      }
    }
  };
}

/** Prepared statements per MariaDB connection (server-wide: × pool size, under max_prepared_stmt_count). */
const MAX_PREPARED_PER_CONNECTION = 256;

function openMysql(config: DatabaseConfig): Knex {
  const url = new URL(config.url.replace(/^mariadb:/, 'mysql:'));
  const connectTimeoutMs = config.connectTimeoutMs ?? 2000;
  return knexFactory({
    client: guardedMysqlClient(config.queryTimeoutMs ?? 0) as unknown as typeof knexFactory.Client,
    connection: {
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: true,
      supportBigNumbers: true,
      // A frozen server completes the TCP handshake (the kernel does) but never greets: don't wait long.
      connectTimeout: connectTimeoutMs,
      multipleStatements: false,
      // mysql2 keeps each connection's prepared statements (compiled document statements) in an LRU
      // that closes what it evicts: bounded so the server's statement count stays bounded too.
      maxPreparedStatements: MAX_PREPARED_PER_CONNECTION,
    },
    pool: {
      min: config.poolMin,
      max: config.poolMax,
      idleTimeoutMillis: config.idleTimeoutMs,
      // A connection being created counts against `max`: a hung one must not hold its slot for tarn's default 30 s.
      createTimeoutMillis: connectTimeoutMs * 2,
      afterCreate(conn: MysqlConn, done: (err: Error | null, conn: unknown) => void) {
        // UTC everywhere, strict writes, and a per-statement ceiling so a slow query can't hold a connection forever.
        const timeout = config.statementTimeoutS > 0 ? `, max_statement_time = ${config.statementTimeoutS}` : '';
        // materialization=off: MariaDB 10.11 would often build the whole permission subquery (every row
        // of a role) even for a 25-row page; without it, the semi-join probes each candidate in the
        // `_perms` `…_doc` index (FirstMatch) or drives from the role's key range (DuplicateWeedout)
        // when the candidates are many — see createPermsTable in collection-ddl.ts.
        const sql = `SET SESSION time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO', optimizer_switch = 'materialization=off'${timeout}`;
        conn.query({ sql, timeout: connectTimeoutMs }, (err) => done(err, conn));
      },
    },
    acquireConnectionTimeout: config.acquireTimeoutMs,
  });
}
