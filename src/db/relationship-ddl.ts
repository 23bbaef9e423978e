/**
 * Physical storage of relationships, named only from sequences (P = the parent side's attribute
 * sequence): a one-to-one / many-to-one keeps the related document's `$id` in column `a{P}` of the
 * parent's document table; a one-to-many keeps the parent's `$id` in column `a{P}` of the child's
 * table; a many-to-many has a junction table `{prefix}c{parent collection seq}_r{P}` with `_parent`
 * and `_child` document IDs. `_tenant` leads every key. Every helper is idempotent.
 */
import type { TenantDb } from './tenant-db.ts';
import { KNEX } from './internal.ts';
import { assertColumn, collectionTables, junctionTable } from './names.ts';
import { addAttributeColumn, createCollectionIndex, dropAttributeColumn, dropCollectionIndex } from './collection-ddl.ts';

/** The reference column's lookup index (by related `$id`): `{table}_r{P}`. */
function referenceIndexName(db: TenantDb, collectionSequence: number, attributeSequence: number): string {
  return assertColumn(`${collectionTables(db.prefix, collectionSequence).docs}_r${attributeSequence}`);
}

/** Adds `a{P}` VARCHAR(255) to a collection's document table, with a `(_tenant, a{P})` index. */
export async function addReferenceColumn(db: TenantDb, collectionSequence: number, attributeSequence: number): Promise<void> {
  const column = `a${attributeSequence}`;
  await addAttributeColumn(db, collectionSequence, column, 'VARCHAR(255)');
  await createCollectionIndex(db, collectionSequence, referenceIndexName(db, collectionSequence, attributeSequence), 'key', [{ column, length: null, order: null }]);
}

export async function dropReferenceColumn(db: TenantDb, collectionSequence: number, attributeSequence: number): Promise<void> {
  await dropCollectionIndex(db, collectionSequence, referenceIndexName(db, collectionSequence, attributeSequence));
  await dropAttributeColumn(db, collectionSequence, `a${attributeSequence}`);
}

/** The junction table: primary key `(_tenant, _parent, _child)`, probe key `(_tenant, _child, _parent)`. */
export async function createJunctionTable(db: TenantDb, collectionSequence: number, attributeSequence: number): Promise<void> {
  const table = junctionTable(db.prefix, collectionSequence, attributeSequence);
  const knex = db[KNEX];
  const probe = `${table}_child`;
  if (db.dialect === 'mysql') {
    await knex.raw(
      'CREATE TABLE IF NOT EXISTS ?? (`_tenant` BIGINT UNSIGNED NOT NULL, `_parent` VARCHAR(36) NOT NULL, `_child` VARCHAR(36) NOT NULL, '
      + 'PRIMARY KEY (`_tenant`, `_parent`, `_child`), KEY ?? (`_tenant`, `_child`, `_parent`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
      [table, probe],
    );
    return;
  }
  await knex.raw('CREATE TABLE IF NOT EXISTS ?? (`_tenant` INTEGER NOT NULL, `_parent` TEXT NOT NULL, `_child` TEXT NOT NULL, PRIMARY KEY (`_tenant`, `_parent`, `_child`)) WITHOUT ROWID', [table]);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (`_tenant`, `_child`, `_parent`)', [probe, table]);
}

export async function dropJunctionTable(db: TenantDb, collectionSequence: number, attributeSequence: number): Promise<void> {
  await db[KNEX].schema.dropTableIfExists(junctionTable(db.prefix, collectionSequence, attributeSequence));
}

export async function hasJunctionTable(db: TenantDb, collectionSequence: number, attributeSequence: number): Promise<boolean> {
  return db[KNEX].schema.hasTable(junctionTable(db.prefix, collectionSequence, attributeSequence));
}
