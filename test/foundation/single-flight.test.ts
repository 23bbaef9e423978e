/**
 * Cold caches under a burst: 20 concurrent lookups of one project, on an instance that has cached
 * nothing yet, resolve the project, look up the API key and load the collection's metadata once
 * each — not once per caller (single-flight loads in TtlCache). Counted from the statements sent.
 * Over HTTP (how it happens), and at the services (the same tick: SQLite answers so fast that HTTP
 * requests rarely overlap there).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createTenantry } from '../../src/app.ts';
import { serve } from '../reliability/fresh-database.ts';
import { useCleanup } from '../support/cleanup.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { client } from '../support/http.ts';
import type { Project } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { withProject } from '../support/use-server.ts';
import { projectDb } from '../support/raw-db.ts';

describeLegs('caches: single-flight on a cold key', (leg) => {
  const cleanup = useCleanup();
  let server: TestServer;
  let project: Project;

  before(async () => {
    ({ server, project } = await withProject(leg, cleanup));
    const call = client(server.url);
    const as = { project: project.id, key: project.key };
    assert.equal((await call('POST', '/databases', { ...as, body: { databaseId: 'db', name: 'DB' } })).status, 201);
    assert.equal((await call('POST', '/databases/db/collections', { ...as, body: { collectionId: 'c', name: 'C' } })).status, 201);
  });

  /** Counts SELECTs per table while `burst` runs. */
  async function countSelects(burst: () => Promise<unknown>): Promise<(table: string) => number> {
    const selects: string[] = [];
    const stop = server.runtime.database.onSql((e) => { if (/^\s*select/i.test(e.sql)) selects.push(e.sql); });
    try {
      await burst();
    } finally {
      stop();
    }
    return (table) => selects.filter((sql) => new RegExp(`from [\`"]?${table}[\`"]?(\\s|$)`, 'i').test(sql)).length;
  }

  test('20 concurrent service lookups in one tick on a cold instance → one query each', async () => {
    const ns = server.runtime.config.namespace;
    const resolved = await server.services.projects.resolve(project.id);
    const tdb = projectDb(server.runtime.database, resolved!.sequence);
    const colder = createTenantry(server.runtime); // a new instance: nothing cached
    const from = await countSelects(async () => {
      const [projects, keys, metas] = await Promise.all([
        Promise.all(Array.from({ length: 20 }, () => colder.services.projects.resolve(project.id))),
        Promise.all(Array.from({ length: 20 }, () => colder.services.keys.authenticate(project.key, resolved!.sequence))),
        Promise.all(Array.from({ length: 20 }, () => colder.services.collections.metaIn(tdb, 'db', 'c'))),
      ]);
      assert.ok(projects.every((p) => p?.id === project.id));
      assert.ok(keys.every((k) => k.id === keys[0]!.id));
      assert.ok(metas.every((m) => m.id === 'c'));
    });
    assert.equal(from(`${ns}_console_projects`), 1, 'project resolution');
    assert.equal(from(`${ns}_console_keys`), 1, 'API key lookup');
    assert.equal(from(`${ns}_collections`), 1, 'collection metadata');
  });

  test('20 concurrent requests on a cold instance → one project, one key and one collection lookup', async () => {
    const cold = createTenantry(server.runtime); // a new instance: nothing cached
    const call = client(await serve(cold.app, cleanup));
    const ns = server.runtime.config.namespace;
    const selects: string[] = [];
    const stop = server.runtime.database.onSql((e) => { if (/^\s*select/i.test(e.sql)) selects.push(e.sql); });
    cleanup.defer('sql listener', stop);
    const results = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/databases/db/collections/c', { project: project.id, key: project.key })));
    stop();
    assert.deepEqual(results.map((r) => r.status), Array(20).fill(200), results.map((r) => r.text).join('\n'));
    assert.ok(results.every((r) => r.body.$id === 'c'));
    const from = (table: string) => selects.filter((sql) => new RegExp(`from [\`"]?${table}[\`"]?(\\s|$)`, 'i').test(sql)).length;
    assert.equal(from(`${ns}_console_projects`), 1, 'project resolution');
    assert.equal(from(`${ns}_console_keys`), 1, 'API key lookup');
    assert.equal(from(`${ns}_collections`), 1, 'collection metadata');
  });
});
