/**
 * DDL for collection tables: the physical document table and its `_perms` side table, named only
 * from the namespace prefix and internal sequences. `_tenant` leads every index, so uniqueness and
 * lookups are per project in the shared layout. Index names carry the table name because SQLite's
 * index names are database-wide.
 */
import type { TenantDb } from './tenant-db.ts';
import { collectionTables } from './names.ts';
import { createTable } from './ddl.ts';

/** Creates a collection's tables if they don't exist yet (idempotent, so a retried create is safe). */
export async function createCollectionTables(db: TenantDb, collectionSequence: number): Promise<void> {
  const { docs, perms } = collectionTables(db.prefix, collectionSequence);
  const knex = db.knexForDdl;
  const dialect = db.database.dialect;
  if (!(await knex.schema.hasTable(docs))) {
    await createTable(knex, dialect, docs, (t) => {
      t.bigIncrements('_id').primary(); // $sequence
      t.bigInteger('_tenant').unsigned().notNullable();
      t.string('_uid', 36).notNullable(); // $id
      t.datetime('_createdAt', { precision: 3 }).notNullable();
      t.datetime('_updatedAt', { precision: 3 }).notNullable();
      t.text('_permissions', 'mediumtext').notNullable(); // JSON list as returned to clients
      t.unique(['_tenant', '_uid'], { indexName: `${docs}_uid` });
      t.index(['_tenant', '_createdAt'], `${docs}_created`);
      t.index(['_tenant', '_updatedAt'], `${docs}_updated`);
    });
  }
  if (!(await knex.schema.hasTable(perms))) {
    await createTable(knex, dialect, perms, (t) => {
      t.bigIncrements('_id').primary();
      t.bigInteger('_tenant').unsigned().notNullable();
      t.string('_document', 36).notNullable();
      t.string('_type', 12).notNullable(); // read | create | update | delete (write is never stored)
      t.string('_permission', 255).notNullable(); // the role: any, users, user:u1, team:t/owner …
      t.unique(['_tenant', '_document', '_type', '_permission'], { indexName: `${perms}_unique` });
      t.index(['_tenant', '_permission', '_type', '_document'], `${perms}_lookup`);
    });
  }
}

/** Drops a collection's tables if they exist (idempotent, so deletion can resume after a crash). */
export async function dropCollectionTables(db: TenantDb, collectionSequence: number): Promise<void> {
  const { docs, perms } = collectionTables(db.prefix, collectionSequence);
  const knex = db.knexForDdl;
  await knex.schema.dropTableIfExists(perms);
  await knex.schema.dropTableIfExists(docs);
}
