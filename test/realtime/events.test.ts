/**
 * Realtime events beyond single document writes (issue 15 §2), both legs: bulk document operations
 * (one event per document), transaction commits (each single operation, re-read after the commit;
 * bulk operations in a transaction publish nothing), account and session events (only to their
 * user), team and membership events (only to the team's members); rolled-back writes publish
 * nothing. Two server processes on MariaDB + Redis: a write on one reaches a subscriber on the other
 * (on the SQLite leg: one process, the in-process bus).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { rid, type Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer, withProject } from '../support/use-server.ts';
import { client as httpClient } from '../support/http.ts';
import { keyApi, makeCollection, q, type Api } from '../documents/support.ts';
import { newEndUser, signIn, type EndUser } from '../account/helpers.ts';
import { generateEvents } from '../../src/realtime/events.ts';
import { documentEventNames } from '../../src/realtime/document-events.ts';
import { connected, isEvent, subscribe, wsUrl, type Frame, type RtClient } from './support.ts';

const DOCS = '/databases/app/collections/feed/documents';
const CHANNEL = 'databases.app.collections.feed.documents';
const TX = '/databases/transactions';

interface EventData { events: string[]; channels: string[]; payload: Record<string, unknown>; subscriptions: string[]; timestamp: string }
const data = (f: Frame) => f.data as unknown as EventData;

describeLegs('realtime events', (leg) => {
  let server: TestServer;
  let project: Project;
  let key: Api;
  let alice: EndUser;
  let bob: EndUser;
  const cleanup = useCleanup();

  before(async () => {
    ({ server, project } = await withProject(leg, cleanup, { app: { realtime: { revalidateMs: 200 } } }));
    key = keyApi(project);
    await makeCollection(key, 'app', 'feed', { permissions: ['read("users")'], documentSecurity: false, attributes: [['integer', { key: 'n', required: false, min: 0, max: 1000 }]] });
    alice = await newEndUser(project.call, project.id, { key: project.key });
    bob = await newEndUser(project.call, project.id, { key: project.key });
  });

  const url = (s: TestServer = server) => wsUrl(s.url, `project=${project.id}`);
  const open = async (user: EndUser | null, channels: string[], s: TestServer = server): Promise<RtClient> => {
    const { client } = await connected(url(s), user ? { 'x-appwrite-session': user.session } : {});
    cleanup.defer('realtime client', () => client.close());
    await subscribe(client, 's1', channels);
    return client;
  };
  /** The next `n` events, then nothing more for a while. */
  const take = async (c: RtClient, n: number): Promise<EventData[]> => {
    const out: EventData[] = [];
    for (let i = 0; i < n; i++) out.push(data(await c.next(isEvent)));
    await c.none(isEvent, 300);
    return out;
  };
  const ok = (res: { status: number; text: string }, status: number) => assert.equal(res.status, status, res.text);

  test('bulk create, upsert, update and delete publish one event per document, with the action\'s names', async () => {
    const sub = await open(alice, [CHANNEL]);
    const ids = [rid('b'), rid('b')];
    const created = await key('POST', DOCS, { documents: ids.map(($id, n) => ({ $id, n })) });
    ok(created, 201);
    const creates = await take(sub, 2);
    assert.deepEqual(creates.map((e) => e.events[0]), ids.map((id) => `databases.app.collections.feed.documents.${id}.create`));
    assert.deepEqual(creates.map((e) => e.events), ids.map((id) => documentEventNames('app', 'feed', id, 'create')));
    assert.deepEqual(creates.map((e) => e.payload), created.body.documents);
    assert.ok(creates[0]!.channels.includes(`${CHANNEL}.create`) && creates[0]!.channels.includes(`tablesdb.app.tables.feed.rows.${ids[0]}.create`));

    const upserted = await key('PUT', DOCS, { documents: [{ $id: ids[0], n: 5 }, { $id: rid('b'), n: 6 }] });
    ok(upserted, 200);
    const upserts = await take(sub, 2);
    assert.deepEqual(upserts.map((e) => e.events[0]), upserted.body.documents.map((d: { $id: string }) => `databases.app.collections.feed.documents.${d.$id}.upsert`));
    assert.deepEqual(upserts.map((e) => e.payload), upserted.body.documents);

    const updated = await key('PATCH', DOCS, { data: { n: 9 }, queries: [q('equal', '$id', ids)] });
    ok(updated, 200);
    const updates = await take(sub, 2);
    assert.deepEqual(updates.map((e) => e.events[0]).sort(), ids.map((id) => `databases.app.collections.feed.documents.${id}.update`).sort());
    assert.deepEqual(updates.map((e) => e.payload.n), [9, 9]);

    const deleted = await key('DELETE', DOCS, { queries: [q('equal', '$id', ids)] });
    ok(deleted, 200);
    const deletes = await take(sub, 2);
    assert.deepEqual(deletes.map((e) => e.events[0]).sort(), ids.map((id) => `databases.app.collections.feed.documents.${id}.delete`).sort());
    assert.deepEqual(deletes.map((e) => e.payload).sort((a, b) => String(a.$id).localeCompare(String(b.$id))),
      [...deleted.body.documents].sort((a: { $id: string }, b: { $id: string }) => a.$id.localeCompare(b.$id)));
  });

  test('TablesDB writes come out on both channel families; a TablesDB-type database adds the tablesdb.… event names (64)', async () => {
    const db = rid('tdb');
    ok(await key('POST', '/tablesdb', { databaseId: db, name: 'T' }), 201);
    ok(await key('POST', `/tablesdb/${db}/tables`, { tableId: 'rows1', name: 'Rows', permissions: ['read("users")'], rowSecurity: false }), 201);
    ok(await key('POST', `/tablesdb/${db}/tables/rows1/columns/integer`, { key: 'n', required: false }), 202);
    const tables = await open(alice, [`tablesdb.${db}.tables.rows1.rows`]);
    const legacy = await open(alice, [`databases.${db}.collections.rows1.documents`]);
    const id = rid('r');
    const created = await key('POST', `/tablesdb/${db}/tables/rows1/rows`, { rowId: id, data: { n: 1 } });
    ok(created, 201);
    for (const sub of [tables, legacy]) {
      const [e] = await take(sub, 1);
      assert.equal(e!.events.length, 64);
      assert.deepEqual(e!.events, documentEventNames(db, 'rows1', id, 'create', true));
      for (const name of [`databases.${db}.collections.rows1.documents.${id}.create`, `databases.${db}.tables.rows1.rows.${id}.create`, `tablesdb.${db}.tables.rows1.rows.${id}.create`, 'tablesdb.*.tables.*.rows.*', `tablesdb.${db}`]) {
        assert.ok(e!.events.includes(name), name);
      }
      assert.ok(e!.channels.includes(`tablesdb.${db}.tables.rows1.rows.${id}.create`) && e!.channels.includes(`databases.${db}.collections.rows1.documents.create`));
      assert.equal(e!.payload.$id, id);
      assert.equal(e!.payload.$databaseId, db);
    }
  });

  test('a bulk create that fails (an existing ID) rolls back and publishes nothing', async () => {
    const taken = rid('b');
    ok(await key('POST', DOCS, { documentId: taken, data: { n: 1 } }), 201);
    const sub = await open(alice, [CHANNEL]);
    const fresh = rid('b');
    const res = await key('POST', DOCS, { documents: [{ $id: fresh, n: 1 }, { $id: taken, n: 2 }] });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.type, 'document_already_exists');
    ok(await key('GET', `${DOCS}/${fresh}`), 404);
    await sub.none(isEvent, 500);
  });

  test('a committed transaction publishes each single operation (re-read after commit; upsert and increment as update); its bulk operations and rolled-back transactions publish nothing', async () => {
    const [a, b, gone] = [rid('t'), rid('t'), rid('t')];
    ok(await key('POST', DOCS, { documentId: b, data: { n: 1 } }), 201);
    ok(await key('POST', DOCS, { documentId: gone, data: { n: 1 } }), 201);
    const sub = await open(alice, [CHANNEL]);
    const begin = async () => { const r = await key('POST', TX, {}); ok(r, 201); return r.body.$id as string; };

    // Rolled back: nothing.
    const rolled = await begin();
    ok(await key('POST', DOCS, { documentId: rid('t'), data: { n: 1 }, transactionId: rolled }), 201);
    ok(await key('PATCH', `${TX}/${rolled}`, { rollback: true }), 200);
    // A failing commit (its target changed outside after staging: 409, all rolled back): nothing from it.
    const failing = await begin();
    ok(await key('POST', DOCS, { documentId: rid('t'), data: { n: 1 }, transactionId: failing }), 201);
    ok(await key('PATCH', `${DOCS}/${b}`, { data: { n: 2 }, transactionId: failing }), 200);
    await new Promise((r) => setTimeout(r, 5));
    ok(await key('PATCH', `${DOCS}/${b}`, { data: { n: 1 } }), 200);
    assert.equal((await take(sub, 1))[0]!.events[0], `databases.app.collections.feed.documents.${b}.update`, 'the outside write itself');
    assert.equal((await key('PATCH', `${TX}/${failing}`, { commit: true })).status, 409);
    await sub.none(isEvent, 300);

    const t = await begin();
    ok(await key('POST', DOCS, { documentId: a, data: { n: 1 }, transactionId: t }), 201);
    ok(await key('PUT', `${DOCS}/${b}`, { data: { n: 3 }, transactionId: t }), 201);
    ok(await key('PATCH', `${DOCS}/${a}/n/increment`, { value: 4, transactionId: t }), 200);
    ok(await key('DELETE', `${DOCS}/${gone}`, { transactionId: t }), 204);
    ok(await key('POST', DOCS, { documents: [{ $id: rid('t'), n: 1 }], transactionId: t }), 201);
    await sub.none(isEvent, 300); // nothing while staged
    ok(await key('PATCH', `${TX}/${t}`, { commit: true }), 200);
    const got = await take(sub, 4);
    assert.deepEqual(got.map((e) => e.events[0]), [
      `databases.app.collections.feed.documents.${a}.create`,
      `databases.app.collections.feed.documents.${b}.update`,
      `databases.app.collections.feed.documents.${a}.update`,
      `databases.app.collections.feed.documents.${gone}.delete`,
    ]);
    const docA = (await key('GET', `${DOCS}/${a}`)).body;
    const docB = (await key('GET', `${DOCS}/${b}`)).body;
    // Each payload is the row after the commit, with `$tableId` besides `$collectionId`.
    assert.deepEqual(got[0]!.payload, { ...docA, $tableId: 'feed' });
    assert.deepEqual(got[2]!.payload, { ...docA, $tableId: 'feed' });
    assert.equal(docA.n, 5);
    assert.deepEqual(got[1]!.payload, { ...docB, $tableId: 'feed' });
    assert.equal(got[3]!.payload.$id, gone);
    assert.equal(got[3]!.payload.$collectionId, 'feed');
    assert.equal(got[3]!.payload.$tableId, 'feed');
  });

  test('account events (user updates, sessions) reach only their own user', async () => {
    const mine = await open(alice, ['account']);
    const theirs = await open(bob, ['account']);
    const guest = await open(null, ['account']);
    const me = { project: project.id, session: alice.session };
    const renamed = await project.call('PATCH', '/account/name', { ...me, body: { name: 'Alice Renamed' } });
    ok(renamed, 200);
    const [name] = await take(mine, 1);
    assert.deepEqual(name!.events, generateEvents('users.[userId].update.name', { userId: alice.id }));
    assert.equal(name!.events[0], `users.${alice.id}.update.name`);
    assert.deepEqual(name!.channels, ['account', `account.${alice.id}`, 'account.update', `account.${alice.id}.update`]);
    assert.deepEqual(name!.payload, renamed.body);

    const prefs = await project.call('PATCH', '/account/prefs', { ...me, body: { prefs: { theme: 'dark' } } });
    ok(prefs, 200);
    const [p] = await take(mine, 1);
    assert.equal(p!.events[0], `users.${alice.id}.update.prefs`);
    assert.deepEqual(p!.payload.prefs, { theme: 'dark' });

    const second = await signIn(project.call, project.id, alice.email);
    const [created] = await take(mine, 1);
    assert.equal(created!.events[0], `users.${alice.id}.sessions.${second.sessionId}.create`);
    assert.equal(created!.events.length, 10);
    assert.deepEqual(created!.channels, ['account', `account.${alice.id}`], 'session events have no action twins');
    assert.equal(created!.payload.$id, second.sessionId);
    assert.equal(created!.payload.userId, alice.id);
    ok(await project.call('DELETE', `/account/sessions/${second.sessionId}`, me), 204);
    const [removed] = await take(mine, 1);
    assert.equal(removed!.events[0], `users.${alice.id}.sessions.${second.sessionId}.delete`);

    // An API key changing someone else's labels: their account event, not alice's.
    ok(await key('PUT', `/users/${bob.id}/labels`, { labels: ['vip'] }), 200);
    const [label] = await take(theirs, 1);
    assert.equal(label!.events[0], `users.${bob.id}.update.labels`);
    await mine.none(isEvent, 200);
    await guest.none(isEvent, 100);
  });

  test('team and membership events reach only the team\'s members', async () => {
    const teamId = rid('team');
    ok(await key('POST', '/teams', { teamId, name: 'Crew' }), 201);
    const joined = await key('POST', `/teams/${teamId}/memberships`, { userId: alice.id, roles: ['member'] });
    ok(joined, 201);
    await new Promise((r) => setTimeout(r, 250)); // past revalidateMs: alice's connections may hold team:T
    const member = await open(alice, ['teams', 'memberships']);
    const outsider = await open(bob, ['teams', 'memberships']);

    const renamed = await key('PUT', `/teams/${teamId}`, { name: 'Crew 2' });
    ok(renamed, 200);
    const [team] = await take(member, 1);
    assert.deepEqual(team!.events, generateEvents('teams.[teamId].update', { teamId }));
    assert.deepEqual(team!.channels, ['teams', `teams.${teamId}`, 'teams.update', `teams.${teamId}.update`]);
    assert.deepEqual(team!.payload, renamed.body);

    const roles = await key('PATCH', `/teams/${teamId}/memberships/${joined.body.$id}`, { roles: ['owner'] });
    ok(roles, 200);
    const [m] = await take(member, 1);
    assert.equal(m!.events[0], `teams.${teamId}.memberships.${joined.body.$id}.update`);
    assert.deepEqual(m!.events, generateEvents(`teams.[teamId].memberships.[membershipId].update`, { teamId, membershipId: joined.body.$id }));
    assert.deepEqual(m!.channels, ['memberships', `memberships.${joined.body.$id}`, 'memberships.update', `memberships.${joined.body.$id}.update`]);
    assert.deepEqual(m!.payload, roles.body);
    await outsider.none(isEvent, 200);
  });

  test(leg.name === 'mariadb'
    ? 'two server processes on one MariaDB + Redis: writes on one reach subscribers on the other'
    : 'in-process bus (SQLite leg: one process): writes reach subscribers of the same process', async () => {
    let writer = server;
    if (leg.name === 'mariadb') ({ server: writer } = await useServer(leg, cleanup));
    const writerKey: Api = (method, path, body, query) => httpClient(writer.url)(method, path, { project: project.id, key: project.key, body, query });
    const docs = await open(alice, [CHANNEL, 'account']);
    const id = rid('x');
    const created = await writerKey('POST', DOCS, { documentId: id, data: { n: 7 } });
    ok(created, 201);
    const [doc] = await take(docs, 1);
    assert.equal(doc!.events[0], `databases.app.collections.feed.documents.${id}.create`);
    assert.deepEqual(doc!.payload, created.body);
    const labelled = await writerKey('PUT', `/users/${alice.id}/labels`, { labels: ['remote'] });
    ok(labelled, 200);
    const [account] = await take(docs, 1);
    assert.equal(account!.events[0], `users.${alice.id}.update.labels`);
    assert.deepEqual(account!.payload, labelled.body);
  });
});
