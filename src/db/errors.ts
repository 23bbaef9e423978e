import { AppError } from '../errors/index.ts';
import type { Dialect } from './dialect.ts';

/** A unique constraint refused the write. Services catch it and answer their own 409 type. */
export class DuplicateKeyError extends Error {
  constructor(cause: unknown) {
    super('duplicate key', { cause });
    this.name = 'DuplicateKeyError';
  }
}

/** Seconds a client should wait after a 503 caused by the database (a MariaDB restart takes a few). */
export const DATABASE_RETRY_AFTER_S = 5;

/** 503 `general_service_unavailable` with Retry-After: the database, or the way to it, is down or overloaded. */
export function databaseUnavailable(cause: unknown, retryAfterS = DATABASE_RETRY_AFTER_S): AppError {
  return new AppError('general_service_unavailable', { headers: { 'Retry-After': String(retryAfterS) }, cause });
}

/**
 * Driver errors → typed errors. Driver text (table names, the namespace prefix, SQL) never reaches
 * a response: anything unknown is re-thrown as is and the HTTP layer answers 500 without it.
 * Connection-level failures — including those a knex transaction raises on its way out (a ROLLBACK
 * on a connection the server already closed) — are 503 + Retry-After, never 500. A deadlock or lock
 * wait still failing after the bounded retries is contention, not a bug: 503 + a short Retry-After.
 */
export function translateDriverError(dialect: Dialect, e: unknown): unknown {
  if (e instanceof AppError || e instanceof DuplicateKeyError) return e;
  if (dialect.isDuplicateKey(e)) return new DuplicateKeyError(e);
  if (dialect.isStatementTimeout(e)) return new AppError('database_timeout', { cause: e });
  if (dialect.isConnectionError(e)) return databaseUnavailable(e);
  if (dialect.isRetryable(e)) return databaseUnavailable(e, 1);
  return e;
}
