/**
 * Writes under concurrency: parallel permission updates of one document never leave a mix of two
 * writers' permission rows (the side table always equals the row's list), parallel creates of one
 * ID or one unique value succeed exactly once and write nothing else, parallel increments are exact.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from '../../src/db/filter.ts';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { ids, keyApi, makeCollection, type Api } from './support.ts';
import { projectDb } from '../support/raw-db.ts';

describeLegs('documents: concurrency', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: Api;
  let docs: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    api = keyApi(p);
    docs = await makeCollection(api, 'db', 'race', {
      documentSecurity: true,
      attributes: [['string', { key: 'slug', size: 32, required: false }], ['integer', { key: 'n', required: false }]],
      indexes: [{ key: 'slug_u', type: 'unique', attributes: ['slug'] }],
    });
  });

  async function permissionRows(documentId: string): Promise<string[]> {
    const project = await server.services.projects.resolve(p.id);
    const tdb = projectDb(server.runtime.database, project!.sequence);
    const meta = await server.services.collections.metaIn(tdb, 'db', 'race');
    const { docs: table, perms } = tdb.collection(meta.sequence);
    // Side-table rows name documents by row key: a document that doesn't exist owns only orphans.
    const doc = await table.first(eq({ _uid: documentId }), ['_id']);
    const live = new Set((await table.find({ columns: ['_id'] })).map((r) => Number(r._id)));
    const rows = doc
      ? await perms.find({ where: eq({ _document: Number(doc._id) }) })
      : (await perms.find()).filter((r) => !live.has(Number(r._document)));
    return rows.map((r) => `${String(r._type)}("${String(r._permission)}")`).sort();
  }

  test('parallel permission updates: the side table always matches one writer\'s list', async () => {
    assert.equal((await api('POST', docs, { documentId: 'shared', data: { n: 0 } })).status, 201);
    for (let round = 0; round < 3; round++) {
      const writers = Array.from({ length: 8 }, (_, i) => [`read("user:w${round}x${i}")`, `update("user:w${round}x${i}")`, `delete("team:t${i}")`]);
      const results = await Promise.all(writers.map((perms) => api('PATCH', `${docs}/shared`, { permissions: perms })));
      assert.ok(results.every((r) => r.status === 200), results.map((r) => r.text).join('\n'));
      const final = (await api('GET', `${docs}/shared`)).body.$permissions as string[];
      assert.ok(writers.some((w) => JSON.stringify(w) === JSON.stringify(final)), 'the row holds exactly one writer\'s list');
      assert.deepEqual(await permissionRows('shared'), [...final].sort(), 'side-table rows equal the row\'s list');
    }
  });

  test('parallel creates of one ID: one 201, the rest 409 document_already_exists', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => api('POST', docs, { documentId: 'same', data: { n: i }, permissions: [`read("user:c${i}")`] })));
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    assert.ok(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.type === 'document_already_exists'));
    const winner = results.find((r) => r.status === 201)!.body;
    assert.deepEqual(await permissionRows('same'), [...winner.$permissions].sort(), 'no loser left permission rows behind');
  });

  test('parallel unique values: one wins, the others write nothing', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => api('POST', docs, { documentId: `u${i}`, data: { slug: 'taken' }, permissions: ['read("any")'] })));
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    assert.ok(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.type === 'document_unique_constraint_violation'));
    const listed = ids(await api('GET', docs, undefined, { queries: [JSON.stringify({ method: 'startsWith', attribute: '$id', values: ['u'] })] }));
    assert.equal(listed.length, 1);
    for (let i = 0; i < 6; i++) {
      if (`u${i}` !== listed[0]) assert.deepEqual(await permissionRows(`u${i}`), []);
    }
  });

  test('parallel increments and decrements are exact', async () => {
    assert.equal((await api('POST', docs, { documentId: 'counter', data: { n: 100 } })).status, 201);
    const calls = [
      ...Array.from({ length: 15 }, () => api('PATCH', `${docs}/counter/n/increment`, { value: 3 })),
      ...Array.from({ length: 10 }, () => api('PATCH', `${docs}/counter/n/decrement`, { value: 2 })),
    ];
    const results = await Promise.all(calls);
    assert.ok(results.every((r) => r.status === 200), results.map((r) => r.text).join('\n'));
    assert.equal((await api('GET', `${docs}/counter`)).body.n, 100 + 45 - 20);
  });
});
