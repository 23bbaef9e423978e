/**
 * Everything that differs between MariaDB/MySQL and SQLite lives here: driver error codes,
 * collations and the few SQL fragments knex doesn't abstract.
 */
import type { Knex } from 'knex';

export type DialectName = 'mysql' | 'sqlite';

export interface Dialect {
  readonly name: DialectName;
  /** Collation for IDs, emails, permission strings and hashes: byte-exact, no pad (SQLite's BINARY already is). */
  readonly exactCollation: string | null;
  isDuplicateKey(e: unknown): boolean;
  /** Deadlocks, lock-wait timeouts and SQLITE_BUSY: safe to retry the whole transaction. */
  isRetryable(e: unknown): boolean;
  isStatementTimeout(e: unknown): boolean;
  isConnectionError(e: unknown): boolean;
  /** Table options for CREATE TABLE (engine, charset, collation). */
  applyTableDefaults(t: Knex.CreateTableBuilder): void;
}

function code(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

const MYSQL_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'EPIPE', 'ER_CON_COUNT_ERROR', 'PROTOCOL_SEQUENCE_TIMEOUT', 'EHOSTUNREACH']);

export const mysqlDialect: Dialect = {
  name: 'mysql',
  exactCollation: 'utf8mb4_nopad_bin',
  isDuplicateKey: (e) => code(e) === 'ER_DUP_ENTRY',
  isRetryable: (e) => code(e) === 'ER_LOCK_DEADLOCK' || code(e) === 'ER_LOCK_WAIT_TIMEOUT',
  isStatementTimeout: (e) => code(e) === 'ER_STATEMENT_TIMEOUT' || (e as { errno?: number })?.errno === 1969,
  isConnectionError: (e) => MYSQL_CONNECTION_CODES.has(code(e) ?? '') || (e as Error)?.name === 'KnexTimeoutError',
  applyTableDefaults(t) {
    t.engine('InnoDB');
    t.charset('utf8mb4');
    t.collate('utf8mb4_nopad_bin');
  },
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  exactCollation: null,
  isDuplicateKey: (e) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(code(e) ?? ''),
  isRetryable: (e) => /^SQLITE_BUSY/.test(code(e) ?? ''),
  isStatementTimeout: () => false,
  isConnectionError: (e) => (e as Error)?.name === 'KnexTimeoutError',
  applyTableDefaults() {},
};
