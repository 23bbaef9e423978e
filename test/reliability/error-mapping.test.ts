/**
 * Driver errors → typed errors: every connection-level failure is 503 `general_service_unavailable`
 * with Retry-After (never a bare 500), statement timeouts stay 408, duplicates stay duplicates, and
 * a deadlock still failing after the transaction's retries is 503 too. The last test drives real
 * drivers: a MariaDB URL with nothing listening, and a SQLite pool whose only connection is held.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import knex from 'knex';
import { AppError } from '../../src/errors/index.ts';
import { mysqlDialect, sqliteDialect } from '../../src/db/dialect.ts';
import { DuplicateKeyError, translateDriverError } from '../../src/db/errors.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { systemAccess } from '../../src/db/scope.ts';
import { rawKnex } from '../support/raw-db.ts';

const { KnexTimeoutError } = knex as unknown as { KnexTimeoutError: new (message: string) => Error };
const err = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

function assertUnavailable(e: unknown, retryAfter = '5'): void {
  assert.ok(e instanceof AppError, `expected an AppError, got ${(e as Error)?.message}`);
  assert.equal(e.status, 503);
  assert.equal(e.type, 'general_service_unavailable');
  assert.equal(e.headers['Retry-After'], retryAfter);
}

describe('reliability: driver error mapping', () => {
  const connectionLevel: Array<[string, Error]> = [
    // F2: knex's ROLLBACK after the server closed the connection (no code; mysql2 marks it fatal).
    ['ROLLBACK on a closed connection', err("ROLLBACK - Can't add new command when connection is in closed state", { fatal: true })],
    ['closed-state message without the fatal flag', err("Can't add new command when connection is in closed state")],
    ['connection lost', err('Connection lost: The server closed the connection.', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['ECONNREFUSED', err('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED', errno: -111 })],
    ['ECONNRESET mid-transaction', err('BEGIN; - read ECONNRESET', { code: 'ECONNRESET', errno: -104, fatal: true })],
    ['connect timeout', err('connect ETIMEDOUT', { code: 'ETIMEDOUT' })],
    ['mysql2 query timeout', err('Query inactivity timeout', { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })],
    ['server shutdown', err('Server shutdown in progress', { code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
    ['connection killed (errno only)', err('Connection was killed', { errno: 1927 })],
    ['too many connections', err('Too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['pool acquire timeout', new KnexTimeoutError('Knex: Timeout acquiring a connection. The pool is probably full.')],
  ];
  for (const [name, e] of connectionLevel) {
    test(`MariaDB: ${name} → 503 + Retry-After`, () => {
      assert.equal(mysqlDialect.isConnectionError(e), true);
      const out = translateDriverError(mysqlDialect, e);
      assertUnavailable(out);
      assert.equal((out as AppError).cause, e, 'the driver error stays the cause (logged, never sent)');
    });
  }

  test('SQLite: a pool acquire timeout → 503 + Retry-After', () => {
    assertUnavailable(translateDriverError(sqliteDialect, new KnexTimeoutError('Knex: Timeout acquiring a connection.')));
  });

  test('statement errors are not connection errors', () => {
    assert.equal(translateDriverError(mysqlDialect, err('dup', { code: 'ER_DUP_ENTRY', errno: 1062 })) instanceof DuplicateKeyError, true);
    const timeout = translateDriverError(mysqlDialect, err('max_statement_time exceeded', { code: 'ER_STATEMENT_TIMEOUT', errno: 1969 }));
    assert.ok(timeout instanceof AppError && timeout.status === 408 && timeout.type === 'database_timeout');
    const syntax = err('You have an error in your SQL syntax', { code: 'ER_PARSE_ERROR', errno: 1064 });
    assert.equal(mysqlDialect.isConnectionError(syntax), false);
    assert.equal(translateDriverError(mysqlDialect, syntax), syntax, 'unknown errors pass through (500 without internals)');
    const plain = new Error('a bug');
    assert.equal(translateDriverError(mysqlDialect, plain), plain);
    assert.equal(translateDriverError(sqliteDialect, err('UNIQUE', { code: 'SQLITE_CONSTRAINT_UNIQUE' })) instanceof DuplicateKeyError, true);
  });

  test('a deadlock that outlived the retries → 503 (Retry-After 1), and stays retryable once wrapped', () => {
    const deadlock = err('Deadlock found', { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    const out = translateDriverError(mysqlDialect, deadlock);
    assertUnavailable(out, '1');
    assert.equal(mysqlDialect.isRetryable(out), true, 'a transaction still retries a deadlock its statement already wrapped');
    assert.equal(mysqlDialect.isRetryable(translateDriverError(mysqlDialect, err('gone', { code: 'ECONNRESET' }))), false, 'a lost connection is not retried: the commit may have happened');
    assertUnavailable(translateDriverError(sqliteDialect, err('busy', { code: 'SQLITE_BUSY' })), '1');
  });

  test('real drivers: nothing listening on the MariaDB port, and a held SQLite connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)); });
    });
    const mysql = openDatabase({ url: `mysql://root@127.0.0.1:${port}/nowhere`, client: 'mysql', poolMin: 0, poolMax: 2, acquireTimeoutMs: 2000, connectTimeoutMs: 1000, idleTimeoutMs: 5000, statementTimeoutS: 10, queryTimeoutMs: 15_000 }, { namespace: 'tr', layout: 'shared' });
    try {
      const started = Date.now();
      await assert.rejects(systemAccess(mysql).ping(), (e) => { assertUnavailable(e); return true; });
      assert.ok(Date.now() - started < 5000, 'fails within the acquire timeout, no hang');
    } finally {
      await mysql.close();
    }

    const dir = mkdtempSync(join(tmpdir(), 'tenantry-reliability-'));
    const sqlite = openDatabase({ url: `sqlite:${join(dir, 'db.sqlite')}`, client: 'sqlite', poolMin: 1, poolMax: 1, acquireTimeoutMs: 200, idleTimeoutMs: 5000, statementTimeoutS: 0 }, { namespace: 'tr', layout: 'shared' });
    try {
      let release!: () => void;
      const held = rawKnex(sqlite).transaction(() => new Promise<void>((r) => { release = r; }));
      await new Promise((r) => setTimeout(r, 50));
      await assert.rejects(systemAccess(sqlite).ping(), (e) => { assertUnavailable(e); return true; });
      release();
      await held;
      await systemAccess(sqlite).ping();
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
