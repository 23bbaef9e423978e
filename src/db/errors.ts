import { AppError } from '../errors/index.ts';
import type { Dialect } from './dialect.ts';

/** A unique constraint refused the write. Services catch it and answer their own 409 type. */
export class DuplicateKeyError extends Error {
  constructor(cause: unknown) {
    super('duplicate key', { cause });
    this.name = 'DuplicateKeyError';
  }
}

/**
 * Driver errors → typed errors. Driver text (table names, the namespace prefix, SQL) never reaches
 * a response: anything unknown is re-thrown as is and the HTTP layer answers 500 without it.
 */
export function translateDriverError(dialect: Dialect, e: unknown): unknown {
  if (e instanceof AppError || e instanceof DuplicateKeyError) return e;
  if (dialect.isDuplicateKey(e)) return new DuplicateKeyError(e);
  if (dialect.isStatementTimeout(e)) return new AppError('database_timeout', { cause: e });
  if (dialect.isConnectionError(e)) return new AppError('general_service_unavailable', { headers: { 'Retry-After': '5' }, cause: e });
  return e;
}
