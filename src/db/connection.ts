/**
 * Opens the one knex instance for a database host. Nothing outside `src/db/` sees knex; the rest of
 * the app gets a `Database` and builds `TenantDb`s from it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig, Layout } from '../config.ts';
import { mysqlDialect, sqliteDialect, type Dialect } from './dialect.ts';

export interface SqlEvent { readonly sql: string; readonly bindings: readonly unknown[] }
export type SqlListener = (event: SqlEvent) => void;

export interface Database {
  readonly knex: Knex;
  readonly dialect: Dialect;
  readonly namespace: string;
  readonly layout: Layout;
  readonly statementTimeoutS: number;
  /** Test hook: every statement sent, with its bindings (the tenant guard test reads these). */
  onSql(listener: SqlListener): () => void;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig, options: { namespace: string; layout: Layout }): Database {
  const knex = config.client === 'sqlite' ? openSqlite(config) : openMysql(config);
  const listeners = new Set<SqlListener>();
  knex.on('query', (q: { sql: string; bindings?: unknown[] }) => {
    for (const l of listeners) l({ sql: q.sql, bindings: q.bindings ?? [] });
  });
  return {
    knex,
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

function openMysql(config: DatabaseConfig): Knex {
  const url = new URL(config.url.replace(/^mariadb:/, 'mysql:'));
  return knexFactory({
    client: 'mysql2',
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
      connectTimeout: 5000,
      multipleStatements: false,
    },
    pool: {
      min: config.poolMin,
      max: config.poolMax,
      idleTimeoutMillis: config.idleTimeoutMs,
      afterCreate(conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        // UTC everywhere, strict writes, and a per-statement ceiling so a slow query can't hold a connection forever.
        const timeout = config.statementTimeoutS > 0 ? `, max_statement_time = ${config.statementTimeoutS}` : '';
        conn.query(`SET SESSION time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'${timeout}`, (err) => done(err, conn));
      },
    },
    acquireConnectionTimeout: config.acquireTimeoutMs,
  });
}
