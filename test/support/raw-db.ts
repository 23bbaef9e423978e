/**
 * Raw database access for tests: what `src/` can't have. Tests inspect physical tables (DDL checks,
 * EXPLAIN, stored hashes) and hold transactions open to simulate contention, so they reach the knex
 * instance behind a `Database` here — the one place outside `src/db/` that imports its internals
 * (`test/foundation/architecture.test.ts` allows it and nothing else).
 */
import type { Knex } from 'knex';
import type { Database } from '../../src/db/connection.ts';
import { KNEX } from '../../src/db/internal.ts';
import { mintProjectScope, systemAccess } from '../../src/db/scope.ts';
import type { TenantDb } from '../../src/db/tenant-db.ts';

/** The knex instance behind a `Database` (statements through it carry no origin: the guard flags project tables). */
export function rawKnex(database: Database): Knex {
  return database[KNEX];
}

/** A project's TenantDb as a request for that project would hold it (statements recorded as issued by it). */
export function projectDb(database: Database, sequence: number): TenantDb {
  return mintProjectScope(systemAccess(database), { sequence, id: `test-project-${sequence}` }).db;
}
