/**
 * DDL safety: failures injected mid-way (before/after the ALTER or CREATE INDEX) leave metadata and
 * tables consistent; slow DDL answers `processing` and completes in the background; interrupted
 * deletes (rows left `processing`/`deleting`) are finished by the next call.
 */
import assert from 'node:assert/strict';
import { afterEach, before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError, expectStatus } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { setDdlFaultHook } from '../../src/db/collection-ddl.ts';
import { eq } from '../../src/db/filter.ts';
import { columns, indexNames, meta, projectApi, tenantDb } from './support.ts';
import { rawKnex } from '../support/raw-db.ts';
import { TEST_NAMESPACES } from '../support/legs.ts';

describeLegs('schema: DDL safety', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: ReturnType<typeof projectApi>;
  const attrs = '/databases/db/collections/c/attributes';

  const cleanup = useCleanup();
  before(async () => {
    // Its own namespace on MariaDB. In a full run, servers of other files share the run's namespace and their DDL
    // sweepers scan this project too; under that load this test's background DDL has ended `failed` (not yet
    // root-caused: suspected a live lease judged stale by another process's sweep — see the session note).
    ({ server, project: p } = await withProject(leg, cleanup, leg.name === 'sqlite' ? {} : { env: { TENANTRY_NAMESPACE: `${TEST_NAMESPACES.shared}dd` } }));
    api = projectApi(p);
    expectStatus(await api('POST', '/databases', { databaseId: 'db', name: 'DB' }), 201);
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' }), 201);
  });
  afterEach(() => setDdlFaultHook(null));

  async function attributeColumns(): Promise<string[]> {
    const m = await meta(server, p.id, 'db', 'c');
    return [...(await columns(server, p.id, m.sequence)).keys()].filter((c) => /^a\d+$/.test(c));
  }

  for (const step of ['add-column:before', 'add-column:after']) {
    test(`attribute: a failure at ${step} → status failed, no column; the key can be re-created`, async () => {
      const key = step.endsWith('before') ? 'f_before' : 'f_after';
      const columnsBefore = await attributeColumns();
      setDdlFaultHook((s) => { if (s === step) throw new Error('injected DDL failure'); });
      const res = await api('POST', `${attrs}/string`, { key, size: 20, required: false });
      assert.equal(res.status, 202, res.text);
      assert.equal(res.body.status, 'failed');
      assert.notEqual(res.body.error, '');
      assert.doesNotMatch(res.body.error, /injected|ALTER|tn_|t\w+_c\d/, 'no internals in the error');
      assert.deepEqual(await attributeColumns(), columnsBefore, 'the half-made column was dropped');
      assert.equal((await api('GET', `${attrs}/${key}`)).body.status, 'failed');
      setDdlFaultHook(null);
      const retry = await api('POST', `${attrs}/string`, { key, size: 20, required: false });
      assert.equal(retry.status, 202, retry.text);
      assert.equal(retry.body.status, 'available');
      const m = await meta(server, p.id, 'db', 'c');
      assert.equal(m.attributes.filter((a) => a.key === key).length, 1);
      assert.deepEqual(await attributeColumns(), [...columnsBefore, m.attributes.find((a) => a.key === key)!.column]);
    });
  }

  test('index: a failure after CREATE INDEX → status failed and the physical index dropped; retry works', async () => {
    expectStatus(await api('POST', `${attrs}/integer`, { key: 'n', required: false }), 202);
    const m = await meta(server, p.id, 'db', 'c');
    const before = await indexNames(server, p.id, m.sequence);
    setDdlFaultHook((s) => { if (s === 'create-index:after') throw new Error('injected'); });
    const res = await api('POST', '/databases/db/collections/c/indexes', { key: 'by_n', type: 'key', attributes: ['n'] });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'failed');
    assert.deepEqual(await indexNames(server, p.id, m.sequence), before);
    setDdlFaultHook(null);
    const retry = await api('POST', '/databases/db/collections/c/indexes', { key: 'by_n', type: 'key', attributes: ['n'] });
    assert.equal(retry.body.status, 'available');
    assert.equal((await indexNames(server, p.id, m.sequence)).length, before.length + 1);
  });

  test('slow DDL answers 202 processing and completes in the background', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    setDdlFaultHook((s) => (s === 'add-column:before' ? gate : undefined));
    const res = await api('POST', `${attrs}/boolean`, { key: 'slow', required: false });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'processing');
    const index = await api('POST', '/databases/db/collections/c/indexes', { key: 'by_slow', type: 'key', attributes: ['slow'] });
    expectError(index, 400, 'attribute_not_available'); // not indexable while processing
    open();
    // Background DDL on a busy CI machine can take seconds after the gate opens: poll up to 30 s.
    let status = 'processing';
    let body: unknown = null;
    for (const deadline = Date.now() + 30_000; status === 'processing' && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
      body = (await api('GET', `${attrs}/slow`)).body;
      status = (body as { status: string }).status;
    }
    assert.equal(status, 'available', JSON.stringify(body));
    const m = await meta(server, p.id, 'db', 'c');
    assert.ok((await columns(server, p.id, m.sequence)).has(m.attributes.find((a) => a.key === 'slow')!.column));
  });

  test('an attribute left processing or deleting by a crash is finished by DELETE', async () => {
    for (const status of ['processing', 'deleting']) {
      const key = `crash_${status}`;
      expectStatus(await api('POST', `${attrs}/string`, { key, size: 5, required: false }), 202);
      const m = await meta(server, p.id, 'db', 'c');
      const column = m.attributes.find((a) => a.key === key)!.column;
      const tdb = await tenantDb(server, p.id);
      await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key }), { status });
      assert.equal((await api('DELETE', `${attrs}/${key}`)).status, 204);
      assert.equal((await columns(server, p.id, m.sequence)).has(column), false);
      assert.equal((await api('GET', `${attrs}/${key}`)).status, 404);
      assert.equal((await api('POST', `${attrs}/string`, { key, size: 5, required: false })).body.status, 'available');
    }
  });

  test('collection and database deletes resume after a crash left them deleting', async () => {
    expectStatus(await api('POST', '/databases', { databaseId: 'crashdb', name: 'Crash' }), 201);
    expectStatus(await api('POST', '/databases/crashdb/collections', { collectionId: 'k', name: 'K' }), 201);
    expectStatus(await api('POST', '/databases/crashdb/collections', { collectionId: 'k2', name: 'K2' }), 201);
    const tdb = await tenantDb(server, p.id);
    const k = await meta(server, p.id, 'crashdb', 'k');
    const k2 = await meta(server, p.id, 'crashdb', 'k2');
    const hasTable = (seq: number) => rawKnex(server.runtime.database).schema.hasTable(tdb.collection(seq).names.docs);
    await tdb.table('collections').update(eq({ _id: k.sequence }), { status: 'deleting' });
    server.services.collections.invalidateTenant(tdb.tenant);
    assert.equal((await api('GET', '/databases/crashdb/collections/k')).status, 404, 'a deleting collection is gone from the API');
    assert.equal((await api('DELETE', '/databases/crashdb/collections/k')).status, 204);
    assert.equal(await hasTable(k.sequence), false);
    await tdb.table('databases').update(eq({ _uid: 'crashdb' }), { status: 'deleting' });
    assert.equal((await api('GET', '/databases/crashdb')).status, 404);
    assert.equal((await api('DELETE', '/databases/crashdb')).status, 204);
    assert.equal(await hasTable(k2.sequence), false);
    assert.equal((await tdb.table('collections').find({ where: eq({ _id: k2.sequence }) })).length, 0);
  });
});
