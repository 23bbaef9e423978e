/**
 * Two projects with identical database, collection and document IDs, in both table layouts: every
 * document route with project A's key sees and changes only A's rows, and B's key is refused on A.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { ids, keyApi, makeCollection, q } from './support.ts';

for (const layout of ['shared', 'isolated'] as const) {
  describeLegs(`documents: cross-project isolation (${layout} layout)`, (leg) => {
    let server: TestServer;
    let a: Project;
    let b: Project;
    let docs: string;

    const cleanup = useCleanup();
    before(async () => {
      ({ server } = await useServer(leg, cleanup, { layout }));
      const owner = await newOwner(server);
      [a, b] = [await newProject(server, owner), await newProject(server, owner)];
      for (const p of [a, b]) {
        docs = await makeCollection(keyApi(p), 'db', 'c', {
          permissions: ['read("any")'],
          attributes: [['string', { key: 'owner', size: 16, required: true }], ['integer', { key: 'n', required: false }], ['string', { key: 'slug', size: 16, required: false }]],
          indexes: [{ key: 'slug_u', type: 'unique', attributes: ['slug'] }],
        });
        for (const id of ['shared1', 'shared2']) {
          assert.equal((await keyApi(p)('POST', docs, { documentId: id, data: { owner: p.id, n: 1, slug: id } })).status, 201);
        }
      }
      assert.equal((await keyApi(b)('POST', docs, { documentId: 'onlyB', data: { owner: b.id, n: 1 } })).status, 201);
    });

    test('reads, writes, bulk and counts stay inside the project', async () => {
      const api = keyApi(a);
      const listed = await api('GET', docs);
      assert.deepEqual(ids(listed).sort(), ['shared1', 'shared2']);
      assert.equal(listed.body.total, 2);
      assert.ok(listed.body.documents.every((d: { owner: string }) => d.owner === a.id));
      assert.equal((await api('GET', `${docs}/onlyB`)).status, 404);
      assert.equal((await api('PATCH', `${docs}/onlyB`, { data: { n: 5 } })).status, 404);
      assert.equal((await api('DELETE', `${docs}/onlyB`)).status, 404);
      assert.equal((await api('PATCH', `${docs}/onlyB/n/increment`, {})).status, 404);
      expectError(await api('GET', docs, undefined, { queries: [q('cursorAfter', undefined, ['onlyB'])] }), 400, 'general_cursor_not_found');
      assert.equal((await api('POST', docs, { documentId: 'onlyB', data: { owner: a.id, slug: 'shared1x' } })).status, 201, 'IDs and unique values are per project');
      assert.equal((await api('PATCH', docs, { data: { n: 9 } })).body.total, 3);
      assert.equal((await api('DELETE', docs, { queries: [q('equal', 'n', [9])] })).body.total, 3);
      const other = await keyApi(b)('GET', docs);
      assert.deepEqual(ids(other).sort(), ['onlyB', 'shared1', 'shared2']);
      assert.ok(other.body.documents.every((d: { owner: string; n: number }) => d.owner === b.id && d.n === 1), 'B untouched');
      const crossKey = await b.call('GET', docs, { project: a.id, key: b.key });
      assert.equal(crossKey.status, 401);
    });
  });
}
