/**
 * One implementation, two APIs: a table made through TablesDB is a collection of the Databases API
 * (same columns, indexes and rows) and the other way round; each API lists every database with its
 * `type`. Scopes: a TablesDB route opens with any one of its alternatives (tables/collections,
 * columns/attributes, indexes, rows/documents), a legacy route only with its own.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Client, Databases, Query, TablesDB } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import type { CallResult } from '../support/http.ts';

describeLegs('tablesdb: cross-API (TablesDB ⇄ Databases) and scopes', (leg) => {
  let server: TestServer;
  let project: Project;
  let tables: TablesDB;
  let databases: Databases;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup));
    const client = new Client().setEndpoint(`${server.url}/v1`).setProject(project.id).setKey(project.key);
    tables = new TablesDB(client);
    databases = new Databases(client);
  });

  test('a TablesDB table read and written through Databases, and a collection through TablesDB', async () => {
    await tables.create({ databaseId: 'tdb', name: 'Made by TablesDB' });
    await tables.createTable({ databaseId: 'tdb', tableId: 'people', name: 'People', rowSecurity: true });
    await tables.createStringColumn({ databaseId: 'tdb', tableId: 'people', key: 'name', size: 32, required: true });
    await tables.createIntegerColumn({ databaseId: 'tdb', tableId: 'people', key: 'age', required: false });
    await tables.createIndex({ databaseId: 'tdb', tableId: 'people', key: 'by_age', type: 'key' as never, columns: ['age'] });
    await tables.createRow({ databaseId: 'tdb', tableId: 'people', rowId: 'ann', data: { name: 'Ann', age: 40 } });

    const asCollection = await databases.getCollection({ databaseId: 'tdb', collectionId: 'people' });
    assert.deepEqual([asCollection.documentSecurity, asCollection.attributes.map((a) => (a as { key: string }).key), asCollection.indexes.map((i) => i.attributes)], [true, ['name', 'age'], [['age']]]);
    const doc = await databases.getDocument({ databaseId: 'tdb', collectionId: 'people', documentId: 'ann' });
    assert.deepEqual([doc.name, doc.age, doc.$collectionId], ['Ann', 40, 'people']);
    await databases.createDocument({ databaseId: 'tdb', collectionId: 'people', documentId: 'bob', data: { name: 'Bob', age: 30 } });
    const rows = await tables.listRows({ databaseId: 'tdb', tableId: 'people', queries: [Query.orderAsc('age')] });
    assert.deepEqual(rows.rows.map((r) => [r.$id, r.age, r.$tableId]), [['bob', 30, 'people'], ['ann', 40, 'people']]);

    await databases.create({ databaseId: 'ldb', name: 'Made by Databases' });
    await databases.createCollection({ databaseId: 'ldb', collectionId: 'notes', name: 'Notes' });
    await databases.createStringAttribute({ databaseId: 'ldb', collectionId: 'notes', key: 'text', size: 16, required: false });
    await databases.createDocument({ databaseId: 'ldb', collectionId: 'notes', documentId: 'n1', data: { text: 'hi' } });
    const table = await tables.getTable({ databaseId: 'ldb', tableId: 'notes' });
    assert.deepEqual([table.rowSecurity, table.columns.map((c) => (c as { key: string }).key)], [false, ['text']]);
    const row = await tables.updateRow({ databaseId: 'ldb', tableId: 'notes', rowId: 'n1', data: { text: 'edited' } });
    assert.deepEqual([row.text, row.$tableId], ['edited', 'notes']);
    assert.equal((await databases.getDocument({ databaseId: 'ldb', collectionId: 'notes', documentId: 'n1' })).text, 'edited');

    // Each API lists both databases, each with the type it was made with (the console's data browser reads the legacy list).
    const typesOf = (list: { databases: Array<{ $id: string; type: string }> }) => list.databases.map((d) => [d.$id, d.type]).sort();
    const want = [['ldb', 'legacy'], ['tdb', 'tablesdb']];
    assert.deepEqual(typesOf(await databases.list()), want);
    assert.deepEqual(typesOf(await tables.list()), want);
    assert.equal((await databases.get({ databaseId: 'tdb' })).type, 'tablesdb');
    assert.deepEqual((await databases.listCollections({ databaseId: 'tdb' })).collections.map((c) => c.$id), ['people']);
  });

  test('scopes: any one of the TablesDB alternatives opens a TablesDB route; legacy routes keep their own', async () => {
    const keyWith = async (scopes: string[]) => {
      const made = await project.call('POST', `/projects/${project.id}/keys`, { cookie: project.owner.cookie, body: { name: scopes.join(' '), scopes } });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual(made.body.scopes, scopes);
      return (method: string, path: string, body?: unknown) => project.call(method, path, { project: project.id, key: made.body.secret, body });
    };
    const status = (r: CallResult, code: number) => assert.equal(r.status, code, r.text);
    const refused = (r: CallResult, scope: string) => {
      assert.deepEqual([r.status, r.body.type], [401, 'general_unauthorized_scope'], r.text);
      assert.match(r.body.message, new RegExp(`missing scopes \\(\\["${scope.replace('.', '\\.')}"\\]\\)`));
    };
    const base = '/tablesdb/tdb/tables/people';

    const newNames = await keyWith(['tables.read', 'tables.write', 'rows.read', 'rows.write']);
    status(await newNames('GET', '/tablesdb/tdb/tables'), 200);
    status(await newNames('POST', `${base}/columns/boolean`, { key: 'active', required: false }), 202);
    status(await newNames('POST', `${base}/indexes`, { key: 'by_name', type: 'key', columns: ['name'] }), 202);
    status(await newNames('GET', `${base}/rows/ann`), 200);
    status(await newNames('PATCH', `${base}/rows/ann`, { data: { active: true } }), 200);
    refused(await newNames('GET', '/databases/tdb/collections/people'), 'collections.read');
    refused(await newNames('GET', '/databases/tdb/collections/people/documents/ann'), 'documents.read');

    const attributesOnly = await keyWith(['attributes.read', 'attributes.write', 'indexes.read']);
    status(await attributesOnly('GET', `${base}/columns`), 200);
    status(await attributesOnly('POST', `${base}/columns/integer`, { key: 'score', required: false }), 202);
    status(await attributesOnly('GET', `${base}/indexes`), 200);
    refused(await attributesOnly('GET', `${base}`), 'tables.read');
    refused(await attributesOnly('GET', `${base}/rows`), 'rows.read');
    refused(await attributesOnly('GET', '/databases/tdb/collections/people/attributes'), 'collections.read');

    const columnsOnly = await keyWith(['columns.read']);
    status(await columnsOnly('GET', `${base}/columns/score`), 200);
    refused(await columnsOnly('GET', `${base}/indexes`), 'tables.read');

    const legacyNames = await keyWith(['collections.read', 'documents.read']);
    status(await legacyNames('GET', base), 200);
    status(await legacyNames('GET', `${base}/columns`), 200);
    status(await legacyNames('GET', `${base}/rows`), 200);
    refused(await legacyNames('POST', `${base}/rows`, { rowId: 'x', data: { name: 'x' } }), 'rows.write');
    refused(await legacyNames('GET', '/tablesdb/tdb'), 'databases.read');
  });
});
