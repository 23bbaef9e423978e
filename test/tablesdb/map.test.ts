/** The TablesDB vocabulary tables (src/features/tablesdb/tablesdb-map.ts): paths, scopes, error types and wording. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_TWINS, resourceOf, twinMessage, twinPath, twinScopes, twinWords } from '../../src/features/tablesdb/tablesdb-map.ts';
import { AppError } from '../../src/errors/index.ts';
import { twinError, twinModel } from '../../src/features/tablesdb/tablesdb.routes.ts';

test('paths: legacy → TablesDB, express and OpenAPI forms', () => {
  assert.equal(twinPath('/databases'), '/tablesdb');
  assert.equal(twinPath('/databases/:databaseId/collections/:collectionId/documents/:documentId/:attribute/increment'), '/tablesdb/:databaseId/tables/:tableId/rows/:rowId/:column/increment');
  assert.equal(twinPath('/databases/{databaseId}/collections/{collectionId}/attributes/string/{key}'), '/tablesdb/{databaseId}/tables/{tableId}/columns/string/{key}');
  assert.equal(twinPath('/databases/:databaseId/collections/:collectionId/indexes/:key'), '/tablesdb/:databaseId/tables/:tableId/indexes/:key');
  assert.equal(twinPath('/databases/transactions/:transactionId/operations'), '/tablesdb/transactions/:transactionId/operations');
  assert.throws(() => twinPath('/users'), /not a Databases path/);
});

test('scopes: the TablesDB alternatives per resource', () => {
  const of = (scope: string, path: string) => twinScopes(scope, resourceOf(path));
  assert.deepEqual(of('databases.read', '/databases/:databaseId'), ['databases.read']);
  assert.deepEqual(of('collections.write', '/databases/:databaseId/collections'), ['tables.write', 'collections.write']);
  assert.deepEqual(of('collections.write', '/databases/:d/collections/:c/attributes/string'), ['tables.write', 'collections.write', 'columns.write', 'attributes.write']);
  assert.deepEqual(of('collections.read', '/databases/:d/collections/:c/indexes'), ['tables.read', 'collections.read', 'indexes.read']);
  assert.deepEqual(of('documents.write', '/databases/:d/collections/:c/documents'), ['rows.write', 'documents.write']);
  assert.deepEqual(of('documents.read', '/databases/transactions'), ['rows.read', 'documents.read']);
});

test('errors: every legacy family maps onto its TablesDB twin; attribute_type_invalid stays', () => {
  const pairs = [
    ['collection_not_found', 'table_not_found'], ['collection_already_exists', 'table_already_exists'], ['document_not_found', 'row_not_found'],
    ['document_missing_payload', 'row_missing_payload'], ['attribute_not_found', 'column_not_found'], ['attribute_default_unsupported', 'column_default_unsupported'],
    ['index_not_found', 'column_index_not_found'], ['index_dependency', 'column_index_dependency'],
  ];
  for (const [legacy, twin] of pairs) assert.equal(ERROR_TWINS.get(legacy as never), twin, legacy);
  assert.equal(ERROR_TWINS.has('attribute_type_invalid'), false);
  assert.equal(ERROR_TWINS.has('database_not_found'), false);
  for (const twin of ERROR_TWINS.values()) assert.match(twin, /^(table_|row_|column_)/);
});

test('error wording: catalog text refilled with the same values; other text in TablesDB words, quoted names untouched', () => {
  assert.equal(twinMessage('document_not_found', 'row_not_found', "Document with the requested ID 'my-document' could not be found."), "Row with the requested ID 'my-document' could not be found.");
  assert.equal(twinWords('Invalid `documentId` param: Document ID is required for collection "documents".'), 'Invalid `rowId` param: Row ID is required for table "documents".');
  const e = twinError(new AppError('attribute_not_found', { params: ['attributes'] })) as AppError;
  assert.deepEqual([e.type, e.status, e.message], ['column_not_found', 404, "Column with the requested key 'attributes' could not be found."]);
  const general = new AppError('general_argument_invalid', { message: 'plain' });
  assert.equal(twinError(general), general, 'an error without legacy words is passed on as it is');
});

test('models: rows move $collectionId only (column values, nested rows included); lists renamed', () => {
  const doc = { $id: 'a', $collectionId: 'c', attributes: 'a user column', documents: [{ $id: 'n', $collectionId: 'o' }], $databaseId: 'd' };
  assert.deepEqual(twinModel('row', doc), { $id: 'a', $tableId: 'c', attributes: 'a user column', documents: [{ $id: 'n', $tableId: 'o' }], $databaseId: 'd' });
  assert.deepEqual(twinModel('row', { total: 1, documents: [doc] }), { total: 1, rows: [twinModel('row', doc)] });
  assert.deepEqual(twinModel('table', { total: 0, collections: [] }), { total: 0, tables: [] });
  assert.deepEqual(twinModel('index', { $id: 'i', key: 'i', attributes: ['x'] }), { $id: 'i', key: 'i', columns: ['x'] });
  assert.deepEqual(twinModel('column', { key: 'r', relatedCollection: 'c' }), { key: 'r', relatedTable: 'c' });
  assert.deepEqual(twinModel('table', { $id: 't', documentSecurity: true, attributes: [{ key: 'r', relatedCollection: 'c' }], indexes: [{ $id: 'i', attributes: ['r'] }] }),
    { $id: 't', rowSecurity: true, columns: [{ key: 'r', relatedTable: 'c' }], indexes: [{ $id: 'i', columns: ['r'] }] });
});
