/**
 * The per-request plan: a route's rate-limit windows come from the route's plan, not from what the
 * process has seen before. On a fresh app (no route served yet) the first request to a route counts
 * its windows exactly as later ones do — same X-RateLimit-* headers, same 429 at the limit — and in
 * the same single store round trip (a signed-in request: its session lookup, which also counts the
 * windows; a key or guest request: the limiter's one batch). Both legs.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTenantry } from '../../src/app.ts';
import type { KvStore } from '../../src/store/kv-store.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { client, type CallResult } from '../support/http.ts';
import { newOwner, newProject, type Owner } from '../support/fixtures.ts';
import { newEndUser } from './helpers.ts';
import { keyApi, makeCollection } from '../documents/support.ts';

/** The store, with a count of the calls that count rate-limit windows (`readAndHit`, `hit`). */
function countingStore(store: KvStore): { store: KvStore; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name, target) as unknown;
      if (typeof value !== 'function') return value;
      if (name !== 'readAndHit' && name !== 'hit') return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => { calls.push(String(name)); return (value as (...a: unknown[]) => unknown).apply(target, args); };
    },
  });
  return { store: wrapped, calls };
}

const limitHeaders = (res: CallResult) => [res.headers.get('x-ratelimit-limit'), res.headers.get('x-ratelimit-remaining')];

describeLegs('request plan: the first request to a route is limited like later ones', (leg) => {
  let server: TestServer;
  let owner: Owner;
  before(async () => {
    server = await startServer(leg);
    owner = await newOwner(server);
  });
  after(() => server.close());

  /** A fresh app on the test server's runtime: none of its routes has served a request yet. */
  async function freshApp(): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
    const counting = countingStore(server.runtime.store);
    const { app } = createTenantry({ ...server.runtime, store: counting.store });
    const http: Server = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      calls: counting.calls,
      close: async () => { http.closeAllConnections(); await new Promise<void>((resolve) => http.close(() => resolve())); },
    };
  }

  test('signed-in writes and reads: same headers, same 429, one counting round trip from the first request on', async () => {
    const call = client(server.url);
    const p = await newProject(server, owner);
    const docs = await makeCollection(keyApi(p), 'db', 'c', { permissions: ['create("users")', 'read("users")'], attributes: [['string', { key: 'v', size: 8, required: false }]] });
    const limits = { 'documents.write': { limit: 3, windowSeconds: 3600 }, reads: { limit: 4, windowSeconds: 3600 } };
    assert.equal((await call('PUT', `/projects/${p.id}/limits`, { cookie: owner.cookie, body: { limits } })).status, 200);
    const user = await newEndUser(call, p.id, { key: p.key });

    const fresh = await freshApp();
    try {
      const api = client(fresh.url);
      const writes: Array<[number, ...Array<string | null>]> = [];
      const writeCalls: number[] = [];
      for (let i = 0; i < 4; i++) {
        const before = fresh.calls.length;
        const res = await api('POST', docs, { project: p.id, session: user.session, body: { documentId: `d${i}`, data: { v: 'x' } } });
        writes.push([res.status, ...limitHeaders(res)]);
        writeCalls.push(fresh.calls.length - before);
      }
      assert.deepEqual(writes, [[201, '3', '2'], [201, '3', '1'], [201, '3', '0'], [429, '3', '0']]);
      // The session lookup counts the window: one round trip, the same for the first request as for the rest.
      assert.deepEqual(writeCalls, [1, 1, 1, 1]);
      assert.deepEqual(fresh.calls, ['readAndHit', 'readAndHit', 'readAndHit', 'readAndHit']);

      const reads: Array<[number, ...Array<string | null>]> = [];
      for (let i = 0; i < 5; i++) {
        const res = await api('GET', `${docs}/d0`, { project: p.id, session: user.session });
        reads.push([res.status, ...limitHeaders(res)]);
      }
      assert.deepEqual(reads, [[200, '4', '3'], [200, '4', '2'], [200, '4', '1'], [200, '4', '0'], [429, '4', '0']]);
      assert.equal(fresh.calls.length, 9, 'one counting round trip per read as well');
    } finally {
      await fresh.close();
    }
  });

  test('API keys and guests: the first request counts its window in one round trip too', async () => {
    const p = await newProject(server, owner);
    const call = client(server.url);
    assert.equal((await call('PUT', `/projects/${p.id}/limits`, { cookie: owner.cookie, body: { limits: { key: { limit: 2, windowSeconds: 3600 }, 'account.create': { limit: 1, windowSeconds: 3600 } } } })).status, 200);
    const fresh = await freshApp();
    try {
      const api = client(fresh.url);
      const seen: Array<[number, ...Array<string | null>]> = [];
      for (let i = 0; i < 3; i++) {
        const res = await api('GET', '/users', { project: p.id, key: p.key });
        seen.push([res.status, ...limitHeaders(res)]);
      }
      assert.deepEqual(seen, [[200, '2', '1'], [200, '2', '0'], [429, '2', '0']]);
      assert.equal(fresh.calls.length, 3, 'one counting round trip per request, the first included');
      const signUp = () => api('POST', '/account', { project: p.id, body: { userId: 'unique()', email: `g${Date.now()}${Math.random().toString(36).slice(2, 8)}@example.com`, password: 'correct horse battery' } });
      const first = await signUp();
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(limitHeaders(first), ['1', '0']);
      const second = await signUp();
      assert.equal(second.status, 429);
      assert.equal(second.body.type, 'general_rate_limit_exceeded');
      assert.equal(fresh.calls.length, 5);
    } finally {
      await fresh.close();
    }
  });
});
