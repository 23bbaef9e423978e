/**
 * Schema isolation, both layouts: two projects create a database, collection, attributes and an
 * index with the SAME IDs and never see or affect each other's.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, type Owner } from '../support/fixtures.ts';
import { meta, projectApi, tenantDb } from './support.ts';
import { rawKnex } from '../support/raw-db.ts';

describeLegs('schema: cross-project isolation', (leg) => {
  for (const layout of ['shared', 'isolated'] as const) {
    describe(`${layout} layout`, () => {
      let server: TestServer;
      let owner: Owner;
      const cleanup = useCleanup();
      before(async () => {
        ({ server } = await useServer(leg, cleanup, { layout }));
        owner = await newOwner(server);
      });

      test('identical database/collection/attribute/index IDs in two projects stay apart', async () => {
        const a = await newProject(server, owner);
        const b = await newProject(server, owner);
        for (const [project, size] of [[a, 10], [b, 20]] as const) {
          const api = projectApi(project);
          assert.equal((await api('POST', '/databases', { databaseId: 'shop', name: `Shop ${project.id}` })).status, 201);
          assert.equal((await api('POST', '/databases/shop/collections', { collectionId: 'items', name: `Items ${project.id}` })).status, 201);
          assert.equal((await api('POST', '/databases/shop/collections/items/attributes/string', { key: 'sku', size, required: false })).status, 202);
          assert.equal((await api('POST', '/databases/shop/collections/items/indexes', { key: 'by_sku', type: 'unique', attributes: ['sku'] })).status, 202);
        }
        const apiA = projectApi(a);
        const apiB = projectApi(b);
        assert.equal((await apiA('GET', '/databases/shop')).body.name, `Shop ${a.id}`);
        assert.equal((await apiB('GET', '/databases/shop')).body.name, `Shop ${b.id}`);
        assert.equal((await apiA('GET', '/databases/shop/collections/items/attributes/sku')).body.size, 10);
        assert.equal((await apiB('GET', '/databases/shop/collections/items/attributes/sku')).body.size, 20);
        assert.equal((await apiA('GET', '/databases')).body.total, 1);
        const ma = await meta(server, a.id, 'shop', 'items');
        const mb = await meta(server, b.id, 'shop', 'items');
        const tableA = (await tenantDb(server, a.id)).collection(ma.sequence).names.docs;
        const tableB = (await tenantDb(server, b.id)).collection(mb.sequence).names.docs;
        assert.notEqual(tableA, tableB, 'separate physical tables');

        // A's changes don't reach B.
        assert.equal((await apiA('DELETE', '/databases/shop/collections/items/indexes/by_sku')).status, 204);
        assert.equal((await apiA('DELETE', '/databases/shop/collections/items/attributes/sku')).status, 204);
        assert.equal((await apiB('GET', '/databases/shop/collections/items/indexes/by_sku')).body.status, 'available');
        assert.equal((await apiB('GET', '/databases/shop/collections/items/attributes/sku')).status, 200);
        assert.equal((await apiA('DELETE', '/databases/shop')).status, 204);
        assert.equal((await apiA('GET', '/databases/shop')).status, 404);
        const stillB = await apiB('GET', '/databases/shop/collections/items');
        assert.equal(stillB.status, 200);
        assert.deepEqual(stillB.body.attributes.map((x: { key: string }) => x.key), ['sku']);
        assert.equal(await rawKnex(server.runtime.database).schema.hasTable(tableA), false, "A's table dropped");
        assert.ok(await rawKnex(server.runtime.database).schema.hasTable(tableB), "B's table kept");

        // A key of A can't reach B's schema.
        const cross = await a.call('GET', '/databases/shop', { project: b.id, key: a.key });
        assert.equal(cross.status, 401);
      });
    });
  }
});
