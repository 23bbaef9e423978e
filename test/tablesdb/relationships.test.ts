/**
 * Relationship columns through node-appwrite 27 `TablesDB` (twins of the legacy relationship routes):
 * `relatedTableId` in, `relatedTable` out, nested related rows under `$tableId`, onDelete through
 * `updateRelationshipColumn`, and the TablesDB error types on the way.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { type AppwriteException, Client, Query, RelationMutate, RelationshipType, TablesDB } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';

describeLegs('tablesdb: relationship columns through TablesDB', (leg) => {
  let t: TablesDB;
  const cleanup = useCleanup();
  before(async () => {
    const { server, project } = await withProject(leg, cleanup);
    t = new TablesDB(new Client().setEndpoint(`${server.url}/v1`).setProject(project.id).setKey(project.key));
    await t.create({ databaseId: 'lib', name: 'Library' });
    await t.createTable({ databaseId: 'lib', tableId: 'authors', name: 'Authors', columns: [{ key: 'name', type: 'string', size: 32, required: true }] });
    await t.createTable({ databaseId: 'lib', tableId: 'books', name: 'Books', columns: [{ key: 'title', type: 'string', size: 32, required: true }] });
  });

  test('create, read through the table, nested rows, update onDelete, errors', async () => {
    const col = await t.createRelationshipColumn({
      databaseId: 'lib', tableId: 'books', relatedTableId: 'authors', type: RelationshipType.ManyToOne, twoWay: true, key: 'author', twoWayKey: 'books', onDelete: RelationMutate.SetNull,
    }) as unknown as Record<string, unknown>;
    assert.deepEqual(
      [col.key, col.type, col.status, col.relatedTable, col.relationType, col.twoWay, col.twoWayKey, col.onDelete, col.side, 'relatedCollection' in col],
      ['author', 'relationship', 'available', 'authors', 'manyToOne', true, 'books', 'setNull', 'parent', false],
    );
    const twin = await t.getColumn({ databaseId: 'lib', tableId: 'authors', key: 'books' }) as unknown as Record<string, unknown>;
    assert.deepEqual([twin.relatedTable, twin.side], ['books', 'child']);
    const table = await t.getTable({ databaseId: 'lib', tableId: 'books' });
    assert.deepEqual(table.columns.map((c) => [(c as { key: string }).key, (c as { relatedTable?: string }).relatedTable ?? null]), [['title', null], ['author', 'authors']]);

    await t.createRow({ databaseId: 'lib', tableId: 'authors', rowId: 'frank', data: { name: 'Frank' } as Record<string, unknown> });
    await t.createRow({ databaseId: 'lib', tableId: 'books', rowId: 'dune', data: { title: 'Dune', author: 'frank' } as Record<string, unknown> });
    const loaded = await t.getRow({ databaseId: 'lib', tableId: 'books', rowId: 'dune', queries: [Query.select(['*', 'author.*'])] }) as unknown as Record<string, Record<string, unknown>>;
    assert.deepEqual([loaded.$tableId, loaded.author!.$id, loaded.author!.name, loaded.author!.$tableId, '$collectionId' in loaded.author!], ['books', 'frank', 'Frank', 'authors', false]);

    const updated = await t.updateRelationshipColumn({ databaseId: 'lib', tableId: 'books', key: 'author', onDelete: RelationMutate.Cascade }) as unknown as Record<string, unknown>;
    assert.deepEqual([updated.onDelete, updated.relatedTable], ['cascade', 'authors']);
    await t.deleteRow({ databaseId: 'lib', tableId: 'authors', rowId: 'frank' });
    await assert.rejects(t.getRow({ databaseId: 'lib', tableId: 'books', rowId: 'dune' }), (e: AppwriteException) => e.code === 404 && e.type === 'row_not_found');

    await assert.rejects(
      t.createRelationshipColumn({ databaseId: 'lib', tableId: 'books', relatedTableId: 'nope', type: RelationshipType.OneToOne, key: 'x' }),
      (e: AppwriteException) => e.code === 404 && e.type === 'table_not_found',
    );
  });
});
