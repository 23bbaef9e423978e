/**
 * Everything that differs between MariaDB/MySQL and SQLite lives here: driver error codes,
 * collations and the few SQL fragments knex doesn't abstract.
 */
import type { Knex } from 'knex';
import { AppError } from '../errors/index.ts';

export type DialectName = 'mysql' | 'sqlite';

export interface Dialect {
  readonly name: DialectName;
  /** Collation for IDs, emails, permission strings and hashes: byte-exact, no pad (SQLite's BINARY already is). */
  readonly exactCollation: string | null;
  isDuplicateKey(e: unknown): boolean;
  /** Deadlocks, lock-wait timeouts and SQLITE_BUSY: safe to retry the whole transaction. */
  isRetryable(e: unknown): boolean;
  isStatementTimeout(e: unknown): boolean;
  /** The database or the path to it failed (not the statement): answered 503 + Retry-After. */
  isConnectionError(e: unknown): boolean;
  /** Table options for CREATE TABLE (engine, charset, collation). */
  applyTableDefaults(t: Knex.CreateTableBuilder): void;
}

/**
 * The driver's error, also once `translateDriverError` wrapped it into a 503 on its way out of a
 * statement: a transaction must still see that its deadlock is retryable.
 */
function driverError(e: unknown): unknown {
  return e instanceof AppError ? e.cause : e;
}

function code(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * The database (or the way to it) failed, not the statement: the client should retry later (503).
 * Socket errors, mysql2's protocol errors (its query timeout is PROTOCOL_SEQUENCE_TIMEOUT), and the
 * server's own "going away" errors — shutdown, killed connection or query, too many connections.
 */
const MYSQL_CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_PACKETS_OUT_OF_ORDER', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR', 'ER_TOO_MANY_USER_CONNECTIONS', 'ER_SERVER_SHUTDOWN', 'ER_NORMAL_SHUTDOWN', 'ER_SHUTDOWN_COMPLETE', 'ER_CONNECTION_KILLED', 'ER_QUERY_INTERRUPTED',
  'ER_NET_READ_ERROR', 'ER_NET_READ_INTERRUPTED', 'ER_NET_ERROR_ON_WRITE', 'ER_NET_WRITE_INTERRUPTED', 'ER_NET_PACKETS_OUT_OF_ORDER', 'ER_CLIENT_INTERACTION_TIMEOUT',
]);
/** The same by number, for errors that carry only `errno` (1040 too many connections … 1927 connection killed). */
const MYSQL_CONNECTION_ERRNOS = new Set([1040, 1053, 1077, 1079, 1158, 1159, 1160, 1161, 1156, 1203, 1317, 1927, 4031]);
/** mysql2 errors raised on a connection already dead (no `code`, `fatal` not always set by knex's wrappers). */
const MYSQL_CONNECTION_MESSAGES = /Can't add new command when connection is in closed state|Can't write in closed state|Connection lost: The server closed the connection|Pool is closed|Connection is closed/i;

/** knex's own timeouts: acquiring a pooled connection, or a `.timeout()` query. */
const isKnexTimeout = (e: unknown) => (e as Error | null)?.name === 'KnexTimeoutError';

function isMysqlConnectionError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown; sqlState?: unknown };
  if (isKnexTimeout(e)) return true;
  if (MYSQL_CONNECTION_CODES.has(code(e) ?? '')) return true;
  if (typeof err.errno === 'number' && MYSQL_CONNECTION_ERRNOS.has(err.errno)) return true;
  // mysql2 marks every error after which the connection is unusable as fatal; a failed statement is not.
  if (err.fatal === true) return true;
  return typeof err.message === 'string' && MYSQL_CONNECTION_MESSAGES.test(err.message);
}

export const mysqlDialect: Dialect = {
  name: 'mysql',
  exactCollation: 'utf8mb4_nopad_bin',
  isDuplicateKey: (e) => code(e) === 'ER_DUP_ENTRY',
  isRetryable: (e) => ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'].includes(code(driverError(e)) ?? ''),
  isStatementTimeout: (e) => code(e) === 'ER_STATEMENT_TIMEOUT' || (e as { errno?: number })?.errno === 1969,
  isConnectionError: isMysqlConnectionError,
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
  isRetryable: (e) => /^SQLITE_BUSY/.test(code(driverError(e)) ?? ''),
  isStatementTimeout: () => false,
  // SQLite is a file in-process: only the pool (one connection, a long writer ahead) can time out.
  isConnectionError: isKnexTimeout,
  applyTableDefaults() {},
};
