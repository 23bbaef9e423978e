/**
 * Databases and collections routes: CRUD, list queries/search/total, enabled, PUT-like collection
 * update, scopes, and the physical tables a collection owns.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { newProject, type Project } from '../support/fixtures.ts';
import { client, expectError, expectStatus } from '../support/http.ts';
import { meta, q, tenantDb } from './support.ts';
import { rawKnex } from '../support/raw-db.ts';

describeLegs('schema: databases and collections', (leg) => {
  let server: TestServer;
  let p: Project;
  const api = (method: string, path: string, body?: unknown, query?: Record<string, string | readonly string[]>) =>
    p.call(method, path, { project: p.id, key: p.key, body, query });

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
  });

  test('database CRUD in the Appwrite wire shape', async () => {
    const created = await api('POST', '/databases', { databaseId: 'main', name: 'Main' });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(Object.keys(created.body).sort(), ['$createdAt', '$id', '$updatedAt', 'enabled', 'name', 'type']);
    assert.equal(created.body.type, 'legacy');
    assert.equal(created.body.enabled, true);
    assert.match(created.body.$createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    const dup = await api('POST', '/databases', { databaseId: 'main', name: 'Again' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'database_already_exists');
    const generated = await api('POST', '/databases', { databaseId: 'unique()', name: 'Generated', enabled: false });
    assert.equal(generated.status, 201);
    assert.match(generated.body.$id, /^[0-9a-f]{20}$/);
    assert.equal(generated.body.enabled, false);
    const got = await api('GET', '/databases/main');
    assert.equal(got.status, 200, got.text);
    assert.equal(got.body.name, 'Main');
    const updated = await api('PUT', '/databases/main', { name: 'Renamed' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.name, 'Renamed');
    assert.equal(updated.body.enabled, true);
    const missing = await api('GET', '/databases/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.type, 'database_not_found');
    assert.equal(missing.body.message, "Database with the requested ID 'nope' could not be found.");
    assert.equal((await api('DELETE', `/databases/${generated.body.$id}`)).status, 204);
    assert.equal((await api('GET', `/databases/${generated.body.$id}`)).status, 404);
  });

  test('database list: queries, cursor, search and total', async () => {
    const ids = ['lst-a', 'lst-b', 'lst-c'];
    for (const id of ids) assert.equal((await api('POST', '/databases', { databaseId: id, name: `List ${id}` })).status, 201);
    const all = await api('GET', '/databases', undefined, { search: 'List lst' });
    assert.equal(all.status, 200, all.text);
    assert.equal(all.body.total, 3);
    assert.deepEqual(all.body.databases.map((d: { $id: string }) => d.$id), ids);
    const page = await api('GET', '/databases', undefined, { search: 'List lst', queries: [q('limit', undefined, [1]), q('offset', undefined, [1])] });
    assert.equal(page.body.total, 3);
    assert.deepEqual(page.body.databases.map((d: { $id: string }) => d.$id), ['lst-b']);
    const cursor = await api('GET', '/databases', undefined, { search: 'List lst', queries: [q('cursorAfter', undefined, ['lst-a'])] });
    assert.deepEqual(cursor.body.databases.map((d: { $id: string }) => d.$id), ['lst-b', 'lst-c']);
    const equal = await api('GET', '/databases', undefined, { queries: [q('equal', 'name', ['List lst-c'])] });
    assert.deepEqual(equal.body.databases.map((d: { $id: string }) => d.$id), ['lst-c']);
    const desc = await api('GET', '/databases', undefined, { search: 'List lst', queries: [q('orderDesc', '$id')] });
    assert.deepEqual(desc.body.databases.map((d: { $id: string }) => d.$id), ['lst-c', 'lst-b', 'lst-a']);
    const noTotal = await api('GET', '/databases', undefined, { search: 'List lst', total: 'false' });
    assert.equal(noTotal.body.total, 0);
    assert.equal(noTotal.body.databases.length, 3);
    const badCursor = await api('GET', '/databases', undefined, { queries: [q('cursorAfter', undefined, ['gone'])] });
    expectError(badCursor, 400, 'general_cursor_not_found');
    const badAttr = await api('GET', '/databases', undefined, { queries: [q('equal', 'secret', ['x'])] });
    assert.equal(badAttr.status, 400);
    assert.equal(badAttr.body.type, 'general_query_invalid');
  });

  test('collection CRUD, PUT-like update, permissions and physical tables', async () => {
    expectStatus(await api('POST', '/databases', { databaseId: 'cdb', name: 'Collections' }), 201);
    const created = await api('POST', '/databases/cdb/collections', {
      collectionId: 'books', name: 'Books', permissions: ['read("any")', 'write("users")'], documentSecurity: true,
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.$permissions, ['read("any")', 'create("users")', 'update("users")', 'delete("users")']);
    assert.equal(created.body.databaseId, 'cdb');
    assert.equal(created.body.documentSecurity, true);
    assert.equal(created.body.enabled, true);
    assert.deepEqual(created.body.attributes, []);
    assert.deepEqual(created.body.indexes, []);
    assert.equal(created.body.bytesMax, 0);
    assert.equal(created.body.bytesUsed, 0);
    const seq = (await meta(server, p.id, 'cdb', 'books')).sequence;
    const prefix = (await tenantDb(server, p.id)).prefix;
    assert.ok(await rawKnex(server.runtime.database).schema.hasTable(`${prefix}c${seq}`));
    assert.ok(await rawKnex(server.runtime.database).schema.hasTable(`${prefix}c${seq}_perms`));

    const dup = await api('POST', '/databases/cdb/collections', { collectionId: 'books', name: 'Again' });
    expectError(dup, 409, 'collection_already_exists');
    expectError(await api('POST', '/databases/none/collections', { collectionId: 'x', name: 'X' }), 404, 'database_not_found');
    const badPerm = await api('POST', '/databases/cdb/collections', { collectionId: 'bad', name: 'Bad', permissions: ['read("nobody")'] });
    assert.equal(badPerm.status, 400);

    const updated = await api('PUT', '/databases/cdb/collections/books', { name: 'Novels' });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.name, 'Novels');
    assert.equal(updated.body.documentSecurity, false, 'omitted documentSecurity → false');
    assert.equal(updated.body.enabled, true);
    assert.equal(updated.body.$permissions.length, 4, 'omitted permissions are kept');
    const disabled = await api('PUT', '/databases/cdb/collections/books', { enabled: false, permissions: [] });
    assert.equal(disabled.body.enabled, false);
    assert.deepEqual(disabled.body.$permissions, []);
    assert.equal((await api('GET', '/databases/cdb/collections/books')).body.enabled, false, 'keys still see disabled collections');

    expectStatus(await api('POST', '/databases/cdb/collections', { collectionId: 'papers', name: 'Papers' }), 201);
    const list = await api('GET', '/databases/cdb/collections', undefined, { queries: [q('equal', 'name', ['Papers'])] });
    assert.equal(list.body.total, 1);
    assert.equal(list.body.collections[0].$id, 'papers');
    const searched = await api('GET', '/databases/cdb/collections', undefined, { search: 'ove' });
    assert.deepEqual(searched.body.collections.map((c: { $id: string }) => c.$id), ['books']);

    assert.equal((await api('DELETE', '/databases/cdb/collections/books')).status, 204);
    expectError(await api('GET', '/databases/cdb/collections/books'), 404, 'collection_not_found');
    assert.equal(await rawKnex(server.runtime.database).schema.hasTable(`${prefix}c${seq}`), false, 'tables dropped');
  });

  test('deleting a database drops its collections and tables', async () => {
    expectStatus(await api('POST', '/databases', { databaseId: 'gone', name: 'Gone' }), 201);
    expectStatus(await api('POST', '/databases/gone/collections', { collectionId: 'c1', name: 'C1' }), 201);
    const tdb = await tenantDb(server, p.id);
    const seq = (await server.services.collections.metaIn(tdb, 'gone', 'c1')).sequence;
    assert.equal((await api('DELETE', '/databases/gone')).status, 204);
    assert.equal(await rawKnex(server.runtime.database).schema.hasTable(`${tdb.prefix}c${seq}`), false);
    expectError(await api('GET', '/databases/gone/collections/c1'), 404, 'database_not_found');
    assert.equal((await api('POST', '/databases', { databaseId: 'gone', name: 'Again' })).status, 201, 'the ID is free again');
  });

  test('getMeta hides disabled databases and collections from clients only', async () => {
    expectStatus(await api('POST', '/databases', { databaseId: 'meta', name: 'Meta' }), 201);
    expectStatus(await api('POST', '/databases/meta/collections', { collectionId: 'c', name: 'C', enabled: false }), 201);
    const tdb = await tenantDb(server, p.id);
    assert.equal((await server.services.collections.metaIn(tdb, 'meta', 'c')).enabled, false);
    await assert.rejects(server.services.collections.metaIn(tdb, 'meta', 'c', { hideDisabled: true }), (e: { type?: string }) => e.type === 'collection_not_found');
    expectStatus(await api('PUT', '/databases/meta', { name: 'Meta', enabled: false }), 200);
    expectStatus(await api('PUT', '/databases/meta/collections/c', { enabled: true }), 200);
    await assert.rejects(server.services.collections.metaIn(tdb, 'meta', 'c', { hideDisabled: true }), (e: { type?: string }) => e.type === 'database_not_found');
    await assert.rejects(server.services.collections.metaIn(tdb, 'meta', 'nope'), (e: { type?: string }) => e.type === 'collection_not_found');
    await assert.rejects(server.services.collections.metaIn(tdb, 'nope', 'c'), (e: { type?: string }) => e.type === 'database_not_found');
  });

  test('scopes: keys need databases.* / collections.*; client sessions are refused', async () => {
    const narrow = await newProject(server, p.owner, { scopes: ['databases.read'] });
    const call = client(server.url);
    const denied = await call('POST', '/databases', { project: narrow.id, key: narrow.key, body: { databaseId: 'x', name: 'X' } });
    assert.equal(denied.status, 401);
    assert.equal(denied.body.type, 'general_unauthorized_scope');
    assert.equal((await call('GET', '/databases', { project: narrow.id, key: narrow.key })).status, 200);
    expectError(await call('GET', '/databases/x/collections', { project: narrow.id, key: narrow.key }), 401, 'general_unauthorized_scope');
    const guest = await call('GET', '/databases', { project: p.id });
    assert.equal(guest.status, 401);
    assert.equal(guest.body.type, 'general_unauthorized_scope');
  });
});
