/**
 * DDL leases: a schema change left `processing`/`deleting` by a process that died (a stale heartbeat
 * under another owner ID) is swept when another instance starts — a create marked `failed` with a
 * clean error and its half-made column/index dropped, a delete finished — while a live lease (fresh
 * heartbeat) is left alone; a running DDL renews its heartbeat; the graceful drain waits for
 * background DDL, and past its bound hands the lease back for another instance to sweep.
 */
import assert from 'node:assert/strict';
import { afterEach, before, test } from 'node:test';
import { createTenantry, type TenantryApp } from '../../src/app.ts';
import { setDdlFaultHook } from '../../src/db/collection-ddl.ts';
import { eq } from '../../src/db/filter.ts';
import { systemAccess } from '../../src/db/scope.ts';
import type { TenantDb } from '../../src/db/tenant-db.ts';
import { SchemaLeases } from '../../src/features/collections/schema-leases.ts';
import { toDbDate } from '../../src/lib/dates.ts';
import { createLogger } from '../../src/logger.ts';
import { client } from '../support/http.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { rawKnex } from '../support/raw-db.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { serve } from '../reliability/fresh-database.ts';
import { columns, indexNames, meta, projectApi, tenantDb } from './support.ts';

const DEAD_OWNER = 'deadbeefdeadbeef';
const hourAgo = () => toDbDate(new Date(Date.now() - 3_600_000));

function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => { open = r; });
  return { wait, open };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describeLegs('schema: DDL leases', (leg) => {
  const cleanup = useCleanup();
  let server: TestServer;
  let p: Project;
  let api: ReturnType<typeof projectApi>;
  let tdb: TenantDb;
  const attrs = '/databases/db/collections/c/attributes';

  before(async () => {
    // No request deadline: creates here wait on held DDL (up to 2 s) and must not turn 503 on a busy machine.
    ({ server, project: p } = await withProject(leg, cleanup, { env: { TENANTRY_REQUEST_TIMEOUT_MS: '0' } }));
    api = projectApi(p);
    assert.equal((await api('POST', '/databases', { databaseId: 'db', name: 'DB' })).status, 201);
    assert.equal((await api('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })).status, 201);
    tdb = await tenantDb(server, p.id);
  });
  afterEach(() => setDdlFaultHook(null));

  /** Another instance on the same database (its own owner ID and caches), drained by `cleanup`. */
  function instance(): TenantryApp {
    const other = createTenantry(server.runtime);
    cleanup.defer('other instance', () => other.services.schemaLeases.drain(0));
    return other;
  }

  /** Collection `c`'s metadata, uncached (other instances change it too). */
  const fresh = () => server.services.collections.loadFresh(tdb, 'db', 'c');

  async function attributeColumn(key: string): Promise<{ column: string; present: boolean }> {
    const m = await fresh();
    const a = m.attributes.find((x) => x.key === key);
    assert.ok(a, `attribute ${key} exists`);
    return { column: a.column, present: (await columns(server, p.id, m.sequence)).has(a.column) };
  }

  test('start-up sweep: a dead owner\'s leftovers are failed or finished; a live lease is left alone', async () => {
    for (const key of ['ghost', 'ghost_del', 'live']) {
      const res = await api('POST', `${attrs}/string`, { key, size: 10, required: false });
      assert.equal(res.body.status, 'available', res.text);
    }
    assert.equal((await api('POST', '/databases/db/collections/c/indexes', { key: 'ghost_idx', type: 'key', attributes: ['live'] })).body.status, 'available');
    assert.equal((await api('POST', '/databases/db/collections', { collectionId: 'gone', name: 'Gone' })).status, 201);
    assert.equal((await api('POST', '/databases/db/collections', { collectionId: 'half', name: 'Half' })).status, 201);
    const m = await meta(server, p.id, 'db', 'c');
    const gone = await meta(server, p.id, 'db', 'gone');
    const half = await meta(server, p.id, 'db', 'half');
    const ghostColumn = (await attributeColumn('ghost')).column;
    const ghostDelColumn = (await attributeColumn('ghost_del')).column;
    const indexesBefore = await indexNames(server, p.id, m.sequence);
    // A process died mid-DDL: after the ALTER / CREATE INDEX ran, before the row flipped; and mid-delete.
    const dead = { lease_owner: DEAD_OWNER, lease_heartbeat: hourAgo() };
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'ghost' }), { status: 'processing', ...dead });
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'ghost_del' }), { status: 'deleting', ...dead });
    await tdb.table('indexes').update(eq({ collection_seq: m.sequence, key: 'ghost_idx' }), { status: 'processing', ...dead });
    await tdb.table('collections').update(eq({ _id: gone.sequence }), { status: 'deleting', ...dead });
    // …and mid-create of a collection: its tables exist, its row never became ready.
    await tdb.table('collections').update(eq({ _id: half.sequence }), { status: 'processing', ...dead });
    // Another process is working on this one right now.
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'live' }), { status: 'processing', lease_owner: 'a1ive0wner0000aa', lease_heartbeat: toDbDate() });

    const report = await instance().services.schemaLeases.start();
    assert.equal(report.failed, 0);
    assert.ok(report.swept >= 5, `swept ${report.swept}`);

    const ghost = await api('GET', `${attrs}/ghost`);
    assert.equal(ghost.status, 200);
    assert.equal(ghost.body.status, 'failed');
    assert.match(ghost.body.error, /stopped before the column was created/);
    assert.doesNotMatch(ghost.body.error, /ALTER|tn_|t\w+_c\d/, 'no internals in the error');
    const cols = await columns(server, p.id, m.sequence);
    assert.equal(cols.has(ghostColumn), false, 'the half-made column was dropped');
    assert.equal((await api('GET', `${attrs}/ghost_del`)).status, 404, 'the interrupted delete was finished');
    assert.equal(cols.has(ghostDelColumn), false);
    const index = await api('GET', '/databases/db/collections/c/indexes/ghost_idx');
    assert.equal(index.body.status, 'failed', index.text);
    assert.match(index.body.error, /stopped before the index was created/);
    assert.equal((await indexNames(server, p.id, m.sequence)).length, indexesBefore.length - 1, 'the half-made index was dropped');
    server.services.collections.invalidateTenant(tdb.tenant); // this instance's metadata cache (other processes: its TTL)
    assert.equal((await api('GET', '/databases/db/collections/gone')).status, 404);
    assert.equal((await tdb.table('collections').find({ where: eq({ _id: gone.sequence }) })).length, 0, 'the collection delete was finished');
    assert.equal((await api('GET', '/databases/db/collections/half')).status, 404);
    assert.equal((await tdb.table('collections').find({ where: eq({ _id: half.sequence }) })).length, 0, 'the half-made collection was dropped');
    assert.equal(await rawKnex(server.runtime.database).schema.hasTable(tdb.collection(half.sequence).names.docs), false, 'with its tables');
    assert.equal((await api('POST', '/databases/db/collections', { collectionId: 'half', name: 'Half' })).status, 201, 'and can be created again');

    const live = await tdb.table('attributes').first(eq({ collection_seq: m.sequence, key: 'live' }));
    assert.equal(live?.status, 'processing', 'a live lease is not swept');
    assert.equal(live?.lease_owner, 'a1ive0wner0000aa');
    assert.equal((await attributeColumn('live')).present, true);

    const swept = await tdb.table('attributes').first(eq({ collection_seq: m.sequence, key: 'ghost' }));
    assert.deepEqual([swept?.lease_owner, swept?.lease_heartbeat], ['', null], 'the sweeper released its lease');
    const retry = await api('POST', `${attrs}/string`, { key: 'ghost', size: 10, required: false });
    assert.equal(retry.status, 202, retry.text);
    assert.equal(retry.body.status, 'available', 'a swept create can be made again');
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'live' }), { status: 'available', lease_owner: '', lease_heartbeat: null });
  });

  test('a running DDL is not swept, and renews its heartbeat', async () => {
    const leases = new SchemaLeases(systemAccess(server.runtime.database), createLogger('silent'), { heartbeatMs: 40, sweepEveryMs: 0 });
    const m = await fresh();
    const id = m.attributes.find((a) => a.key === 'ghost')!.sequence!;
    let handledOurs = false;
    leases.onSweep('attributes', async (_tdb, row) => {
      if (Number(row._id) === id) handledOurs = true;
      else throw new Error('not this test\'s row'); // handed straight back
    });
    const stale = hourAgo();
    await tdb.table('attributes').update(eq({ _id: id }), { status: 'processing', lease_owner: leases.ownerId, lease_heartbeat: stale });
    const g = gate();
    const running = leases.run(tdb, 'attributes', id, () => g.wait);
    await leases.sweep();
    assert.equal(handledOurs, false, 'its own running DDL is never swept, even with a stale heartbeat');
    await until(async () => String((await tdb.table('attributes').first(eq({ _id: id })))?.lease_heartbeat) !== stale, 'a heartbeat');
    const beat = Date.parse(`${String((await tdb.table('attributes').first(eq({ _id: id })))!.lease_heartbeat).replace(' ', 'T')}Z`);
    assert.ok(Math.abs(Date.now() - beat) < 5_000, 'renewed to now');
    g.open();
    await running;
    assert.equal(await leases.finish(tdb, 'attributes', id, { status: 'available' }), true, 'the lease was still ours');
    const after = await tdb.table('attributes').first(eq({ _id: id }));
    assert.deepEqual([after?.status, after?.lease_owner, after?.lease_heartbeat], ['available', '', null]);
    await leases.drain(0);
  });

  test('drain waits for a background DDL to finish', async () => {
    const other = instance();
    const call = client(await serve(other.app, cleanup));
    const g = gate();
    setDdlFaultHook((s) => (s === 'add-column:before' ? g.wait : undefined));
    const res = await call('POST', `${attrs}/integer`, { project: p.id, key: p.key, body: { key: 'drained', required: false } });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'processing', 'answered before its DDL finished');
    assert.equal(other.services.schemaLeases.runningCount, 1);
    let drained = false;
    const draining = other.drain().then(() => { drained = true; });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(drained, false, 'drain waits while the DDL runs');
    g.open();
    await draining;
    const row = await tdb.table('attributes').first(eq({ key: 'drained' }));
    assert.deepEqual([row?.status, row?.lease_owner], ['available', ''], 'finished and recorded before the drain resolved');
    assert.equal((await attributeColumn('drained')).present, true);
  });

  test('drain past its bound hands the lease back; another instance sweeps it; the late DDL undoes itself', async () => {
    const first = instance();
    const call = client(await serve(first.app, cleanup));
    const g = gate();
    setDdlFaultHook((s) => (s === 'add-column:before' ? g.wait : undefined));
    const res = await call('POST', `${attrs}/integer`, { project: p.id, key: p.key, body: { key: 'handed', required: false } });
    assert.equal(res.body.status, 'processing', res.text);
    assert.equal(await first.services.schemaLeases.drain(100), 1, 'one lease handed back');
    const handed = await tdb.table('attributes').first(eq({ key: 'handed' }));
    assert.equal(handed?.lease_owner, first.services.schemaLeases.ownerId);
    assert.equal(first.services.schemaLeases.isStale(handed!), true, 'handed back: stale at once');

    const second = instance();
    assert.equal((await second.services.schemaLeases.sweep()).swept >= 1, true);
    const swept = await api('GET', `${attrs}/handed`);
    assert.equal(swept.body.status, 'failed', swept.text);

    // The first instance's DDL resumes after all (it was only slow): it finds its lease gone and drops its column.
    g.open();
    await until(async () => first.services.schemaLeases.runningCount === 0, 'the late DDL to settle');
    assert.equal((await attributeColumn('handed')).present, false, 'no orphan column');
    assert.equal((await api('GET', `${attrs}/handed`)).body.status, 'failed');
  });
});
