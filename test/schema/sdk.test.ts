/**
 * node-appwrite 27 against the schema routes: every attribute type's create/update/get/list/delete,
 * index create/get/list/delete, collection update and delete, and AppwriteException types.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { type AppwriteException, Client, Databases, DatabasesIndexType, OrderBy, Permission, Role } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';

describeLegs('schema: node-appwrite 27', (leg) => {
  let server: TestServer;
  let db: Databases;

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    const p = await newProject(server, await newOwner(server));
    db = new Databases(new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key));
  });

  test('attributes and indexes through the SDK', async () => {
    await db.create({ databaseId: 'sdk', name: 'SDK' });
    const c = await db.createCollection({ databaseId: 'sdk', collectionId: 'things', name: 'Things', permissions: [Permission.read(Role.any())] });
    assert.deepEqual(c.$permissions, ['read("any")']);
    const ids = { databaseId: 'sdk', collectionId: 'things' };
    const s = await db.createStringAttribute({ ...ids, key: 'title', size: 64, required: false, xdefault: 'untitled' });
    assert.equal(s.status, 'available');
    assert.equal(s.default, 'untitled');
    assert.equal((await db.createIntegerAttribute({ ...ids, key: 'n', required: false, min: 0, max: 10 })).type, 'integer');
    assert.equal((await db.createFloatAttribute({ ...ids, key: 'f', required: false })).type, 'double');
    assert.equal((await db.createBooleanAttribute({ ...ids, key: 'b', required: true })).required, true);
    assert.equal((await db.createDatetimeAttribute({ ...ids, key: 'd', required: false })).format, 'datetime');
    assert.equal((await db.createEmailAttribute({ ...ids, key: 'e', required: false })).format, 'email');
    assert.deepEqual((await db.createEnumAttribute({ ...ids, key: 'st', elements: ['a', 'b'], required: false, xdefault: 'a' })).elements, ['a', 'b']);
    assert.equal((await db.createUrlAttribute({ ...ids, key: 'u', required: false })).format, 'url');
    assert.equal((await db.createIpAttribute({ ...ids, key: 'ip', required: false })).format, 'ip');
    assert.equal((await db.createStringAttribute({ ...ids, key: 'tags', size: 16, required: false, array: true })).array, true);

    const up = await db.updateStringAttribute({ ...ids, key: 'title', required: false, xdefault: 'none', size: 128, newKey: 'name' });
    assert.equal(up.key, 'name');
    assert.equal(up.size, 128);
    assert.equal((await db.updateIntegerAttribute({ ...ids, key: 'n', required: false, xdefault: 3, max: 5 })).default, 3);
    const list = await db.listAttributes(ids);
    assert.equal(list.total, 10);

    const idx = await db.createIndex({ ...ids, key: 'by_name', type: DatabasesIndexType.Key, attributes: ['name', '$createdAt'], orders: [OrderBy.Asc, OrderBy.Desc] });
    assert.deepEqual(idx.orders, ['ASC', 'DESC']);
    assert.equal((await db.getIndex({ ...ids, key: 'by_name' })).status, 'available');
    assert.equal((await db.listIndexes(ids)).total, 1);
    await assert.rejects(db.deleteAttribute({ ...ids, key: 'name' }), (e: AppwriteException) => e.type === 'index_dependency' && e.code === 409);
    await db.deleteIndex({ ...ids, key: 'by_name' });
    await db.deleteAttribute({ ...ids, key: 'name' });
    await assert.rejects(db.getAttribute({ ...ids, key: 'name' }), (e: AppwriteException) => e.type === 'attribute_not_found');

    const updated = await db.updateCollection({ ...ids, name: 'Renamed' });
    assert.equal(updated.name, 'Renamed');
    assert.equal(updated.documentSecurity, false);
    assert.equal(updated.attributes.length, 9);
    await db.deleteCollection(ids);
    await assert.rejects(db.getCollection(ids), (e: AppwriteException) => e.type === 'collection_not_found');
    assert.equal((await db.list()).total, 1);
    await db.delete({ databaseId: 'sdk' });
    assert.equal((await db.list()).total, 0);
  });
});
