/**
 * node-appwrite 27 end to end against a real Tenantry server: database, collection, attributes,
 * indexes, documents; list with equal / or / orderDesc / cursorAfter / select; update; increment;
 * delete — every call succeeds and returns the shapes the SDK's models describe.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Client, Databases, DatabasesIndexType, ID, Permission, Query, Role } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

describeLegs('documents: node-appwrite 27 end to end', (leg) => {
  let server: TestServer;
  let db: Databases;

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    const p = await newProject(server, await newOwner(server));
    db = new Databases(new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key));
  });

  function assertDocument(d: Record<string, unknown>): void {
    assert.equal(typeof d.$id, 'string');
    assert.match(String(d.$sequence), /^\d+$/);
    assert.equal(typeof d.$sequence, 'string');
    assert.match(String(d.$createdAt), ISO);
    assert.match(String(d.$updatedAt), ISO);
    assert.ok(Array.isArray(d.$permissions));
    assert.equal(d.$databaseId, 'shop');
    assert.equal(d.$collectionId, 'products');
  }

  test('schema, documents, queries, update, increment, delete', async () => {
    const database = await db.create({ databaseId: 'shop', name: 'Shop' });
    assert.equal(database.$id, 'shop');
    const collection = await db.createCollection({
      databaseId: 'shop', collectionId: 'products', name: 'Products',
      permissions: [Permission.read(Role.any())], documentSecurity: true,
    });
    assert.equal(collection.documentSecurity, true);
    await db.createStringAttribute({ databaseId: 'shop', collectionId: 'products', key: 'name', size: 64, required: true });
    await db.createStringAttribute({ databaseId: 'shop', collectionId: 'products', key: 'category', size: 32, required: false });
    await db.createIntegerAttribute({ databaseId: 'shop', collectionId: 'products', key: 'stock', required: false, min: 0, max: 1000, xdefault: 0 });
    await db.createFloatAttribute({ databaseId: 'shop', collectionId: 'products', key: 'price', required: false });
    await db.createIndex({ databaseId: 'shop', collectionId: 'products', key: 'by_category', type: DatabasesIndexType.Key, attributes: ['category'] });
    for (const key of ['name', 'category', 'stock', 'price']) {
      assert.equal((await db.getAttribute({ databaseId: 'shop', collectionId: 'products', key })).status, 'available');
    }

    const items = [['lamp', 'home', 5, 19.5], ['chair', 'home', 2, 49], ['pen', 'office', 100, 1.25], ['desk', 'office', 1, 199], ['mug', 'kitchen', 30, 6]] as const;
    for (const [name, category, stock, price] of items) {
      const doc = await db.createDocument({
        databaseId: 'shop', collectionId: 'products', documentId: name, data: { name, category, stock, price },
        permissions: [Permission.update(Role.users())],
      });
      assertDocument(doc);
      assert.equal(doc.name, name);
      assert.deepEqual(doc.$permissions, ['update("users")']);
    }
    const generated = await db.createDocument({ databaseId: 'shop', collectionId: 'products', documentId: ID.unique(), data: { name: 'spare' } });
    assert.match(generated.$id, /^[0-9a-f]{20}$/);
    assert.equal(generated.stock, 0, 'attribute default');

    const home = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.equal('category', 'home')] });
    assert.equal(home.total, 2);
    assert.deepEqual(home.documents.map((d) => d.$id).sort(), ['chair', 'lamp']);
    home.documents.forEach(assertDocument);

    const either = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.or([Query.equal('category', 'kitchen'), Query.greaterThan('price', 100)]), Query.orderDesc('price')] });
    assert.deepEqual(either.documents.map((d) => d.$id), ['desk', 'mug']);

    const firstPage = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.orderDesc('stock'), Query.limit(2), Query.isNotNull('category')] });
    assert.deepEqual(firstPage.documents.map((d) => d.$id), ['pen', 'mug']);
    assert.equal(firstPage.total, 5);
    const secondPage = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.orderDesc('stock'), Query.limit(2), Query.isNotNull('category'), Query.cursorAfter('mug')] });
    assert.deepEqual(secondPage.documents.map((d) => d.$id), ['lamp', 'chair']);

    const selected = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.select(['name']), Query.equal('$id', 'pen')] });
    assert.equal(selected.documents[0]!.name, 'pen');
    assert.ok(!('price' in selected.documents[0]!));
    assertDocument(selected.documents[0]!);

    const got = await db.getDocument({ databaseId: 'shop', collectionId: 'products', documentId: 'desk', queries: [Query.select(['price'])] });
    assert.equal(got.price, 199);

    const updated = await db.updateDocument({ databaseId: 'shop', collectionId: 'products', documentId: 'lamp', data: { price: 17.25 } });
    assert.equal(updated.price, 17.25);
    assert.equal(updated.name, 'lamp');
    assertDocument(updated);

    const incremented = await db.incrementDocumentAttribute({ databaseId: 'shop', collectionId: 'products', documentId: 'lamp', attribute: 'stock', value: 3, max: 10 });
    assert.equal(incremented.stock, 8);
    const decremented = await db.decrementDocumentAttribute({ databaseId: 'shop', collectionId: 'products', documentId: 'lamp', attribute: 'stock', value: 8, min: 0 });
    assert.equal(decremented.stock, 0);
    await assert.rejects(
      db.decrementDocumentAttribute({ databaseId: 'shop', collectionId: 'products', documentId: 'lamp', attribute: 'stock', value: 1, min: 0 }),
      (e: { code?: number; type?: string }) => e.code === 400 && e.type === 'attribute_limit_exceeded',
    );

    const upserted = await db.upsertDocument({ databaseId: 'shop', collectionId: 'products', documentId: 'lamp', data: { category: 'garden' } });
    assert.equal(upserted.category, 'garden');

    await db.deleteDocument({ databaseId: 'shop', collectionId: 'products', documentId: 'pen' });
    await assert.rejects(
      db.getDocument({ databaseId: 'shop', collectionId: 'products', documentId: 'pen' }),
      (e: { code?: number; type?: string }) => e.code === 404 && e.type === 'document_not_found',
    );

    const bulk = await db.createDocuments({ databaseId: 'shop', collectionId: 'products', documents: [{ $id: 'b1', name: 'bulk one' }, { $id: 'b2', name: 'bulk two', $permissions: [Permission.read(Role.any())] }] });
    assert.equal(bulk.total, 2);
    const bulkUpdated = await db.updateDocuments({ databaseId: 'shop', collectionId: 'products', data: { category: 'bulk' }, queries: [Query.startsWith('name', 'bulk')] });
    assert.equal(bulkUpdated.total, 2);
    const bulkDeleted = await db.deleteDocuments({ databaseId: 'shop', collectionId: 'products', queries: [Query.equal('category', 'bulk')] });
    assert.equal(bulkDeleted.total, 2);

    const rest = await db.listDocuments({ databaseId: 'shop', collectionId: 'products', total: false });
    assert.equal(rest.total, 0);
    assert.deepEqual(rest.documents.map((d) => d.$id).sort(), ['chair', 'desk', 'lamp', 'mug', generated.$id].sort());
  });
});
