/**
 * The list-total cache (src/features/documents/total-cache.ts): totals stay exact across every kind
 * of write — creates, deletes, permission changes, collection permission / documentSecurity changes,
 * bulk deletes, transaction commits, rolled-back writes, and (MariaDB + Redis) writes made by another
 * server process on the same database and Redis namespace — while repeated identical lists are
 * answered without a COUNT statement. A crashed writer (its in-flight count left standing) only
 * disables the cache until the count lapses.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer, withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { client } from '../support/http.ts';
import { storeKey } from '../../src/store/kv-store.ts';
import { clientApi, keyApi, makeCollection, q, type Api } from './support.ts';

/** The COUNT statements `server` sends while `fn` runs. */
async function counts<T>(server: TestServer, fn: () => Promise<T>): Promise<{ result: T; counts: number }> {
  let n = 0;
  const stop = server.runtime.database.onSql((e) => { if (/SELECT COUNT\(\*\)/i.test(e.sql)) n++; });
  try {
    return { result: await fn(), counts: n };
  } finally {
    stop();
  }
}

// A page of one, so the total always needs a count (a short page would give it away for free).
const ONE = [q('limit', undefined, [1])];

describeLegs('documents: list-total cache', (leg) => {
  let server: TestServer;
  let p: Project;
  let key: Api;
  let alice: Api;
  let bob: Api;
  let docs: string;

  async function user(id: string): Promise<Api> {
    assert.equal((await key('POST', '/users', { userId: id, email: `${id}@example.com`, password: 'password-123', name: id })).status, 201);
    const session = await key('POST', `/users/${id}/sessions`, {});
    assert.equal(session.status, 201, session.text);
    return clientApi(p, session.body.secret);
  }

  /** Lists as `api` (which must call server `on`, default the first): the total, and the COUNT statements `on` sent. */
  async function total(api: Api, queries: string[] = ONE, on: TestServer = server): Promise<{ total: number; counts: number }> {
    const { result, counts: n } = await counts(on, () => api('GET', docs, undefined, { queries }));
    assert.equal(result.status, 200, result.text);
    return { total: result.body.total as number, counts: n };
  }

  /** The totals `api` sees are `expected`, counted once after a write, then served from the cache. */
  async function exact(api: Api, expected: number, label: string, queries: string[] = ONE): Promise<void> {
    const first = await total(api, queries);
    assert.equal(first.total, expected, `${label}: total`);
    const again = await total(api, queries);
    assert.deepEqual(again, { total: expected, counts: 0 }, `${label}: repeated list is a cache hit`);
  }

  async function create(id: string, owner: 'alice' | 'bob', category = 'a'): Promise<void> {
    const res = await key('POST', docs, { documentId: id, data: { category }, permissions: [`read("user:${owner}")`] });
    assert.equal(res.status, 201, res.text);
  }

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    key = keyApi(p);
    alice = await user('alice');
    bob = await user('bob');
    docs = await makeCollection(key, 'db', 'items', {
      documentSecurity: true,
      attributes: [['string', { key: 'category', size: 16, required: false }]],
      indexes: [{ key: 'by_category', type: 'key', attributes: ['category'] }],
    });
    for (let i = 0; i < 5; i++) await create(`a${i}`, 'alice', i < 3 ? 'a' : 'b');
    for (let i = 0; i < 3; i++) await create(`b${i}`, 'bob');
  });

  test('a repeated identical list sends no COUNT; the role set, filter and privilege are part of the key', async () => {
    const first = await total(alice);
    assert.deepEqual(first, { total: 5, counts: 1 });
    assert.deepEqual(await total(alice), { total: 5, counts: 0 });
    // Another role set: its own entry, and its own count.
    assert.deepEqual(await total(bob), { total: 3, counts: 1 });
    assert.deepEqual(await total(bob), { total: 3, counts: 0 });
    // The API key (privileged) sees every document.
    assert.deepEqual(await total(key), { total: 8, counts: 1 });
    assert.deepEqual(await total(key), { total: 8, counts: 0 });
    // Another filter: its own entry; paging (limit/offset) is not part of the key.
    const byB = [q('equal', 'category', ['b']), q('limit', undefined, [1])];
    assert.deepEqual(await total(alice, byB), { total: 2, counts: 1 });
    assert.deepEqual(await total(alice, [q('equal', 'category', ['b']), q('limit', undefined, [1]), q('offset', undefined, [1])]), { total: 2, counts: 0 });
    // total=false never counts.
    const noTotal = await counts(server, () => alice('GET', docs, undefined, { queries: ONE, total: 'false' }));
    assert.equal(noTotal.result.status, 200);
    assert.equal(noTotal.result.body.total, 0);
    assert.equal(noTotal.counts, 0);
  });

  test('a signed-in list reads its counters in the session round trip, a key in one more; counters it cannot read mean no cached total', async () => {
    const totals = server.services.totals;
    const own = totals.snapshot.bind(totals);
    let reads = 0;
    let failing = false;
    totals.snapshot = async (...args) => { reads++; return failing ? null : own(...args); };
    try {
      await exact(alice, 5, 'signed in');
      assert.equal(reads, 0, 'a session list needs no round trip of its own for the counters');
      await exact(key, 8, 'API key');
      assert.equal(reads, 2, 'a key list reads the counters in one round trip per request');
      failing = true;
      assert.deepEqual(await total(key), { total: 8, counts: 1 }, 'unreadable counters: counted');
      assert.deepEqual(await total(key), { total: 8, counts: 1 }, 'and not served from the cache');
    } finally {
      totals.snapshot = own;
    }
  });

  test('totals stay exact across creates, deletes, updates of permissions and upserts', async () => {
    await exact(alice, 5, 'start');
    await create('a5', 'alice');
    await exact(alice, 6, 'after a create');
    await exact(bob, 3, 'bob after alice\'s create');
    assert.equal((await key('DELETE', `${docs}/a5`)).status, 204);
    await exact(alice, 5, 'after a delete');
    // Bob's b0 becomes alice's: both totals move.
    const moved = await key('PATCH', `${docs}/b0`, { permissions: ['read("user:alice")'] });
    assert.equal(moved.status, 200, moved.text);
    await exact(alice, 6, 'after a permission update (gained)');
    await exact(bob, 2, 'after a permission update (lost)');
    const upserted = await key('PUT', `${docs}/u0`, { data: { category: 'a' }, permissions: ['read("user:bob")'] });
    assert.equal(upserted.status, 200, upserted.text);
    await exact(bob, 3, 'after an upsert that creates');
    // An update that changes the filtered attribute moves a document between filters.
    const byB = [q('equal', 'category', ['b']), q('limit', undefined, [1])];
    await exact(alice, 2, 'filter before', byB);
    assert.equal((await key('PATCH', `${docs}/a0`, { data: { category: 'b' } })).status, 200);
    await exact(alice, 3, 'filter after an attribute update', byB);
    assert.equal((await key('PATCH', `${docs}/a0`, { data: { category: 'a' } })).status, 200);
    await exact(alice, 2, 'filter after the update back', byB);
  });

  test('a rolled-back write leaves the cache usable; a failed write changes no total', async () => {
    await exact(alice, 6, 'before');
    const dup = await key('POST', docs, { documentId: 'a1', data: { category: 'a' }, permissions: ['read("user:alice")'] });
    assert.equal(dup.status, 409, dup.text);
    // The failed write bumped the version (one count), and is no longer in flight (then a hit).
    await exact(alice, 6, 'after a rolled-back create');
  });

  test('collection permission and documentSecurity changes change what the same caller counts', async () => {
    await exact(alice, 6, 'documentSecurity on, no collection read');
    const open = await key('PUT', '/databases/db/collections/items', { name: 'items', permissions: ['read("users")'], documentSecurity: false });
    assert.equal(open.status, 200, open.text);
    await exact(alice, 9, 'collection read for users, documentSecurity off: every document');
    await exact(bob, 9, 'bob too');
    const back = await key('PUT', '/databases/db/collections/items', { name: 'items', permissions: [], documentSecurity: true });
    assert.equal(back.status, 200, back.text);
    await exact(alice, 6, 'back to document permissions');
    await exact(bob, 3, 'bob back to his own');
  });

  test('bulk deletes and transaction commits invalidate', async () => {
    await exact(key, 9, 'all documents');
    const bulk = await key('DELETE', docs, { queries: [q('equal', 'category', ['b'])] });
    assert.equal(bulk.status, 200, bulk.text);
    assert.equal(bulk.body.total, 2);
    await exact(key, 7, 'after a bulk delete');
    await exact(alice, 4, 'alice after the bulk delete');
    const tx = await key('POST', '/databases/transactions', {});
    assert.equal(tx.status, 201, tx.text);
    const staged = await key('POST', docs, { documentId: 't0', data: { category: 'a' }, permissions: ['read("user:alice")'], transactionId: tx.body.$id });
    assert.ok(staged.status === 201 || staged.status === 200, staged.text);
    await exact(alice, 4, 'a staged write changes nothing yet');
    const commit = await key('PATCH', `/databases/transactions/${tx.body.$id}`, { commit: true });
    assert.equal(commit.status, 200, commit.text);
    await exact(alice, 5, 'after the commit');
    await exact(key, 8, 'key after the commit');
  });

  test('a crashed writer (its in-flight count left standing) disables the cache only until the count lapses', async () => {
    const project = await server.services.projects.resolve(p.id);
    assert.ok(project);
    const inflight = storeKey(server.runtime.storeScope, project.sequence, 'tc', 'db', 'items', 'w');
    await exact(alice, 5, 'before');
    // A writer that counted itself in and died: no end, no bump.
    await server.runtime.store.writeBegin(inflight, 400);
    assert.deepEqual(await total(alice), { total: 5, counts: 1 }, 'no cached total while a writer is in flight');
    assert.deepEqual(await total(alice), { total: 5, counts: 1 }, 'and nothing stored meanwhile');
    await new Promise((r) => setTimeout(r, 500));
    await exact(alice, 5, 'the lapsed count: cached again');
  });

  // Two server processes share counters only through Redis: the embedded default (in-process store)
  // is one process by design, so this check is the MariaDB + Redis leg's.
  if (leg.name === 'mariadb') {
    test('writes made by another server process on the same database and Redis invalidate this one\'s cache', async () => {
      const { server: other } = await useServer(leg, cleanup);
      const otherKey: Api = (method, path, body, query) => client(other.url)(method, path, { project: p.id, key: p.key, body, query });
      await exact(alice, 5, 'before');
      await exact(key, 8, 'key before');
      const created = await otherKey('POST', docs, { documentId: 'x0', data: { category: 'a' }, permissions: ['read("user:alice")'] });
      assert.equal(created.status, 201, created.text);
      await exact(alice, 6, 'after a create on the other server');
      await exact(key, 9, 'key after a create on the other server');
      const moved = await otherKey('PATCH', `${docs}/x0`, { permissions: ['read("user:bob")'] });
      assert.equal(moved.status, 200, moved.text);
      await exact(alice, 5, 'after a permission change on the other server');
      // Another process's schema change reaches this one's collection metadata within its TTL (3 s,
      // collections.service.ts) — with or without the total cache, whose key is the count condition
      // built from that metadata.
      const metaTtl = () => new Promise((r) => setTimeout(r, 3_100));
      const open = await otherKey('PUT', '/databases/db/collections/items', { name: 'items', permissions: ['read("users")'], documentSecurity: false });
      assert.equal(open.status, 200, open.text);
      await metaTtl();
      await exact(alice, 9, 'after a collection change on the other server');
      const back = await otherKey('PUT', '/databases/db/collections/items', { name: 'items', permissions: [], documentSecurity: true });
      assert.equal(back.status, 200, back.text);
      await metaTtl();
      assert.equal((await otherKey('DELETE', docs, { queries: [q('equal', '$id', ['x0'])] })).status, 200);
      await exact(alice, 5, 'after a bulk delete on the other server');
      await exact(key, 8, 'key after a bulk delete on the other server');
      // And the other way round: the other server's own lists see this server's writes.
      const first = await total(otherKey, ONE, other);
      assert.deepEqual(first, { total: 8, counts: 1 });
      assert.deepEqual(await total(otherKey, ONE, other), { total: 8, counts: 0 });
      await create('y0', 'bob');
      assert.deepEqual(await total(otherKey, ONE, other), { total: 9, counts: 1 });
      assert.deepEqual(await total(otherKey, ONE, other), { total: 9, counts: 0 });
    });
  }
});
