/**
 * DDL for collection tables (the physical document table and its `_perms` side table).
 * Table names come only from `collectionTables()` (namespace prefix + internal sequence).
 */
import type { TenantDb } from './tenant-db.ts';
import { collectionTables } from './names.ts';

/** Drops a collection's tables if they exist (idempotent, so deletion can resume after a crash). */
export async function dropCollectionTables(db: TenantDb, collectionSequence: number): Promise<void> {
  const { docs, perms } = collectionTables(db.prefix, collectionSequence);
  const knex = db.knexForDdl;
  await knex.schema.dropTableIfExists(perms);
  await knex.schema.dropTableIfExists(docs);
}
