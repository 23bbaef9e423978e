/**
 * `/v1/realtime`: the `appwrite` 28 web SDK under Node (global WebSocket) receives REST writes with
 * the exact payload; delivery follows read permissions at the time of the event (guest, other user,
 * owner, other project); a deleted session stops delivery and closes the socket; protocol and
 * open-time errors answer Appwrite's error frames; a consumer that never reads is dropped.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { newProject, rid, type Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { keyApi, makeCollection } from '../documents/support.ts';
import { newEndUser, type EndUser } from '../account/helpers.ts';
import { generateEvents } from '../../src/realtime/events.ts';
import { connect, connected, isEvent, subscribe, wsUrl, type Frame } from './support.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

const COLLECTION = 'databases.app.collections.pub.documents';

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeLegs('realtime', (leg) => {
  let server: TestServer;
  let project: Project;
  let other: Project;
  let alice: EndUser;
  let bob: EndUser;
  const cleanup = useCleanup();
  const spec = { permissions: ['create("users")'], documentSecurity: true, attributes: [['string', { key: 'title', size: 64, required: true }]] as const };
  before(async () => {
    let owner: Awaited<ReturnType<typeof withProject>>['owner'];
    ({ server, project, owner } = await withProject(leg, cleanup, { app: { realtime: { revalidateMs: 200, maxBufferedBytes: 256 << 10, maxMessageBytes: 4096 } } }));
    other = await newProject(server, owner);
    await makeCollection(keyApi(project), 'app', 'pub', spec);
    await makeCollection(keyApi(other), 'app', 'pub', spec);
    alice = await newEndUser(project.call, project.id, { key: project.key });
    bob = await newEndUser(project.call, project.id, { key: project.key });
  });
  const url = (p: Project, extra = '') => wsUrl(server.url, `project=${p.id}${extra}`);
  const create = async (p: Project, permissions: string[], title = rid('t')) => {
    const res = await keyApi(p)('POST', '/databases/app/collections/pub/documents', { documentId: 'unique()', data: { title }, permissions });
    assert.equal(res.status, 201, res.text);
    return res.body as Record<string, unknown> & { $id: string };
  };

  test('web SDK: collection, document and account subscriptions receive REST writes with the exact payload', async () => {
    const web = await import('appwrite');
    const node = await import('node-appwrite');
    const previous = (globalThis as { window?: unknown }).window;
    cleanup.defer('window stand-in', () => { (globalThis as { window?: unknown }).window = previous; });
    (globalThis as { window?: unknown }).window = {
      localStorage: new MemoryStorage(), console: { ...console, warn: () => {}, error: () => {} }, location: { host: 'localhost' },
      // The SDK never clears its heartbeat interval: unref'd timers let the test process exit.
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(), clearTimeout,
      setInterval: (fn: () => void, ms: number) => setInterval(fn, ms).unref(), clearInterval,
    };
    const client = new web.Client().setEndpoint(`${server.url}/v1`).setProject(project.id);
    const account = new web.Account(client);
    const email = `${rid('rt')}@example.com`;
    const me = await account.create({ userId: web.ID.unique(), email, password: 'realtime password' });
    await account.createEmailPasswordSession({ email, password: 'realtime password' });
    const target = await create(project, [`read("user:${me.$id}")`, `update("user:${me.$id}")`]);
    const got: Array<{ events: string[]; channels: string[]; payload: Record<string, unknown>; subscriptions: string[] }> = [];
    const unsubscribe = client.subscribe([COLLECTION, `${COLLECTION}.${target.$id}`, 'account'], (e) => { got.push(e as never); });
    cleanup.defer('sdk subscription', () => unsubscribe());
    await until(() => server.realtime.connections(project.id) === 1, 'the SDK to connect');
    await new Promise((r) => setTimeout(r, 300)); // its authentication and subscribe frames

    const admin = new node.Client().setEndpoint(`${server.url}/v1`).setProject(project.id).setKey(project.key);
    const created = await new node.Databases(admin).createDocument({ databaseId: 'app', collectionId: 'pub', documentId: 'unique()', data: { title: 'hello' }, permissions: [`read("user:${me.$id}")`] });
    await until(() => got.length >= 1, 'the create event');
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown; // the SDK's JSONbig objects have no prototype
    assert.deepEqual(plain(got[0]!.payload), plain(created));
    assert.equal(got[0]!.events[0], `databases.app.collections.pub.documents.${created.$id}.create`);
    assert.equal(got[0]!.events.length, 42);
    assert.ok(got[0]!.events.includes(`databases.app.tables.pub.rows.${created.$id}.create`) && got[0]!.events.includes('databases.*'));
    assert.ok(got[0]!.channels.includes(COLLECTION) && got[0]!.channels.includes(`${COLLECTION}.create`) && got[0]!.channels.includes(`tablesdb.app.tables.pub.rows.${created.$id}`));
    assert.equal(got[0]!.subscriptions.length, 1);

    const updated = await new node.Databases(admin).updateDocument({ databaseId: 'app', collectionId: 'pub', documentId: target.$id, data: { title: 'changed' } });
    await until(() => got.length >= 2, 'the update event');
    assert.deepEqual(plain(got[1]!.payload), plain(updated));
    assert.equal(got[1]!.events[0], `databases.app.collections.pub.documents.${target.$id}.update`);

    // Account events reach only their user (published through the hook until the account service publishes).
    const tenant = (await server.services.projects.resolve(project.id))!.sequence;
    const accountEvent = (userId: string) => ({ events: generateEvents('users.[userId].update.name', { userId }), channels: ['account', `account.${userId}`, 'account.update', `account.${userId}.update`], timestamp: new Date().toISOString(), payload: { $id: userId }, roles: [`user:${userId}`] });
    server.realtime.publish(tenant, accountEvent(alice.id));
    server.realtime.publish(tenant, accountEvent(me.$id));
    await until(() => got.length >= 3, 'the account event');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(got.length, 3, 'another user\'s account event is not delivered');
    assert.deepEqual(plain(got[2]!.payload), { $id: me.$id });
    assert.equal(got[2]!.events[0], `users.${me.$id}.update.name`);
  });

  test('delivery follows read permissions: guest, other user, owner; never another project', async () => {
    const { client: guest } = await connected(url(project));
    const { client: bobWs, frame: bobHello } = await connected(url(project), { 'x-appwrite-session': bob.session });
    const { client: aliceWs } = await connected(url(project), { 'x-appwrite-session': alice.session });
    const { client: stranger } = await connected(url(other));
    assert.equal((bobHello.data!.user as { $id: string }).$id, bob.id);
    for (const c of [guest, bobWs, aliceWs, stranger]) await subscribe(c, 's1', [COLLECTION]);

    const pub = await create(project, ['read("any")']);
    const users = await create(project, ['read("users")']);
    const mine = await create(project, [`read("user:${alice.id}")`]);
    const nobody = await create(project, []);
    const seen = async (c: typeof guest, n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(((await c.next(isEvent)).data!.payload as { $id: string }).$id);
      await c.none(isEvent, 300);
      return out;
    };
    assert.deepEqual(await seen(guest, 1), [pub.$id], 'a guest sees only read("any")');
    assert.deepEqual(await seen(bobWs, 2), [pub.$id, users.$id], 'another user never sees alice\'s private document');
    assert.deepEqual(await seen(aliceWs, 3), [pub.$id, users.$id, mine.$id]);
    assert.ok(nobody.$id);
    await stranger.none(isEvent, 100);
    for (const c of [guest, bobWs, aliceWs, stranger]) c.close();
  });

  test('a deleted session stops delivery, then the socket closes 1008', async () => {
    const carol = await newEndUser(project.call, project.id, { key: project.key });
    const { client } = await connected(url(project), { 'x-appwrite-session': carol.session });
    await subscribe(client, 's1', [COLLECTION]);
    await create(project, [`read("user:${carol.id}")`]);
    assert.equal((await client.next(isEvent)).type, 'event');
    const res = await project.call('DELETE', '/account/sessions/current', { project: project.id, session: carol.session });
    assert.equal(res.status, 204, res.text);
    await new Promise((r) => setTimeout(r, 250)); // past revalidateMs
    await create(project, [`read("user:${carol.id}")`]);
    const err = await client.next((f) => f.type === 'error');
    assert.deepEqual(err.data, { code: 1008, message: 'Session is not valid.' });
    assert.equal(await client.closed, 1008);
    assert.deepEqual(client.frames.filter(isEvent), [], 'no event after the session was deleted');
  });

  test('a removed team membership stops team-readable documents without reconnecting', async () => {
    const dave = await newEndUser(project.call, project.id, { key: project.key });
    const api = keyApi(project);
    const teamId = rid('team');
    assert.equal((await api('POST', '/teams', { teamId, name: 'Team' })).status, 201);
    const m = await api('POST', `/teams/${teamId}/memberships`, { userId: dave.id, roles: [] });
    assert.equal(m.status, 201, m.text);
    const { client } = await connected(url(project), { 'x-appwrite-session': dave.session });
    await subscribe(client, 's1', [COLLECTION]);
    const first = await create(project, [`read("team:${teamId}")`]);
    assert.equal(((await client.next(isEvent)).data!.payload as { $id: string }).$id, first.$id);
    assert.equal((await api('DELETE', `/teams/${teamId}/memberships/${m.body.$id}`)).status, 204);
    await new Promise((r) => setTimeout(r, 250)); // past revalidateMs
    await create(project, [`read("team:${teamId}")`]);
    const pub = await create(project, ['read("any")']);
    assert.equal(((await client.next(isEvent)).data!.payload as { $id: string }).$id, pub.$id, 'the team document was skipped; the socket stays open');
    assert.equal(client.ws.readyState, client.ws.OPEN);
    client.close();
  });

  test('a blocked user stops receiving at once and is closed with 1008', async () => {
    const erin = await newEndUser(project.call, project.id, { key: project.key });
    const { client } = await connected(url(project), { 'x-appwrite-session': erin.session });
    await subscribe(client, 's1', [COLLECTION]);
    assert.equal((await keyApi(project)('PATCH', `/users/${erin.id}/status`, { status: false })).status, 200);
    await new Promise((r) => setTimeout(r, 250)); // past revalidateMs
    await create(project, ['read("users")']);
    const err = await client.next((f) => f.type === 'error');
    assert.equal(err.data!.code, 1008);
    assert.equal(await client.closed, 1008);
    assert.deepEqual(client.frames.filter(isEvent), []);
  });

  test('open-time failures: unknown project, bad JWT, foreign origin; other upgrade paths are refused', async () => {
    const expectRefusal = async (u: string, headers: Record<string, string>, code: number, close: number, message?: string) => {
      const c = await connect(u, headers);
      const f: Frame = await c.next();
      assert.equal(f.type, 'error');
      assert.equal(f.data!.code, code, JSON.stringify(f));
      if (message) assert.equal(f.data!.message, message);
      assert.equal(await c.closed, close);
    };
    await expectRefusal(wsUrl(server.url, 'project=nope-nope'), {}, 1008, 1008, 'Missing or unknown project ID');
    await expectRefusal(url(project, '&jwt=not.a.jwt'), {}, 401, 1008);
    await expectRefusal(url(project), { origin: 'https://evil.example' }, 1008, 1008, 'Invalid Origin. Register your new client (evil.example) as a new Web platform on your project console dashboard');
    await assert.rejects(connect(`${server.url.replace('http', 'ws')}/v1/other`), /HTTP 404/);
  });

  test('protocol: ping, bad JSON, unknown type, bad subscribe, oversized frame, unsubscribe; URL-mode channels', async () => {
    const { client, frame } = await connected(url(project, `&channels[]=${COLLECTION}&channels[]=account.${alice.id}`));
    assert.deepEqual(frame.data!.channels, [COLLECTION], 'account.<other id> is dropped');
    assert.equal((frame.data!.subscriptions as string[]).length, 1);
    client.send({ type: 'ping' });
    assert.deepEqual(await client.next(), { type: 'pong' });
    client.send('{not json');
    assert.deepEqual(await client.next(), { type: 'error', data: { code: 1003, message: 'Message format is not valid.' } });
    client.send({ type: 'dance', data: {} });
    assert.deepEqual(await client.next(), { type: 'error', data: { code: 1003, message: 'Message type is not valid.' } });
    client.send({ type: 'subscribe', data: [{ subscriptionId: 'x' }] });
    assert.deepEqual(await client.next(), { type: 'error', data: { code: 1003, message: 'items: channels is not present in payload.' } });
    client.send({ type: 'subscribe', data: [{ channels: ['documents'], queries: ['{"method":"search","attribute":"title","values":["x"]}'] }] });
    assert.equal((await client.next()).data!.message, 'Invalid query: method "search" is not allowed in realtime queries');
    client.send({ type: 'ping', data: 'x'.repeat(5000) });
    assert.deepEqual(await client.next(), { type: 'error', data: { code: 1009, message: 'Message is too large (at most 4096 bytes).' } });
    const res = await subscribe(client, 'q1', ['documents', 'account'], [JSON.stringify({ method: 'equal', attribute: 'title', values: ['match'] })]);
    assert.deepEqual(res, { to: 'subscribe', success: true, subscriptions: [{ subscriptionId: 'q1', channels: ['documents', 'account'], queries: ['{"method":"equal","attribute":"title","values":["match"]}'] }] });
    await create(project, ['read("any")'], 'nomatch');
    const hit = await create(project, ['read("any")'], 'match');
    const e1 = await client.next(isEvent);
    const e2 = await client.next(isEvent);
    assert.deepEqual(e1.data!.subscriptions, frame.data!.subscriptions, 'only the URL subscription matches the first');
    assert.deepEqual(e2.data!.subscriptions, [...(frame.data!.subscriptions as string[]), 'q1']);
    assert.equal((e2.data!.payload as { $id: string }).$id, hit.$id);
    client.send({ type: 'unsubscribe', data: [{ subscriptionId: 'q1' }, { subscriptionId: 'zz' }] });
    assert.deepEqual(await client.next(), { type: 'response', data: { to: 'unsubscribe', success: true, subscriptions: [{ subscriptionId: 'q1', removed: true }, { subscriptionId: 'zz', removed: false }] } });
    client.close();
  });

  test('the project setting caps open connections (1013), and the count is exposed', async () => {
    const patch = (n: number) => project.call('PATCH', `/projects/${project.id}`, { cookie: project.owner.cookie, body: { realtimeConnections: n } });
    await new Promise((r) => setTimeout(r, 300)); // sockets earlier tests terminated are unregistered
    const open = server.realtime.connections(project.id);
    const res = await patch(open + 1);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.realtimeConnections, open + 1);
    const { client: first } = await connected(url(project));
    assert.equal(server.realtime.connections(project.id), open + 1);
    assert.equal(server.realtime.counts()[project.id], open + 1);
    const second = await connect(url(project));
    assert.deepEqual((await second.next()).data, { code: 1013, message: `Too many open realtime connections for this project (at most ${open + 1}).` });
    assert.equal(await second.closed, 1013);
    first.close();
    await until(() => server.realtime.connections(project.id) === open, 'the count to drop');
    assert.equal((await patch(1000)).status, 200);
  });

  test('a consumer that never reads is dropped; the server keeps no unbounded buffer', async () => {
    const { client } = await connected(url(project));
    await subscribe(client, 's1', ['documents']);
    (client.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const tenant = (await server.services.projects.resolve(project.id))!.sequence;
    const big = 'x'.repeat(64 << 10);
    const before = server.realtime.connections(project.id);
    for (let i = 0; i < 400; i++) {
      server.realtime.publish(tenant, { events: ['x'], channels: ['documents'], timestamp: '', payload: { big, i }, roles: ['any'] });
      await new Promise((r) => setImmediate(r));
    }
    await until(() => server.realtime.connections(project.id) === before - 1, 'the slow consumer to be dropped');
    // 400 × 64 KiB = 25 MiB offered: what reached the socket is what the kernel buffers held plus our 256 KiB bound.
    (client.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await client.closed;
    const received = client.frames.filter(isEvent).length;
    assert.ok(received < 200, `the server stopped writing after ${received} of 400 events`);
    client.close();
  });
});
