/**
 * The request deadline, over HTTP on both legs. A second app shares the test server's runtime with
 * a 300 ms deadline; the database pool (one connection) is held by a transaction, so a document
 * create can't finish: the client gets 503 `general_service_unavailable` + Retry-After with an
 * intact body, not a hang. When the pool is free again the late handler finishes without writing
 * onto the finished response or crashing; its outcome was unknown to the client, and a retry with
 * the same client-chosen ID settles it (201 if the late write didn't happen, 409 if it did).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, test } from 'node:test';
import { createTenantry, type TenantryApp } from '../../src/app.ts';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { client, type CallResult } from '../support/http.ts';
import type { Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { keyApi, makeCollection } from '../documents/support.ts';
import { rawKnex } from '../support/raw-db.ts';

const DEADLINE_MS = 300;

describeLegs('reliability: request deadline', (leg) => {
  let server: TestServer;
  let project: Project;
  let docs: string;
  let tight: TenantryApp;
  let tightServer: Server;
  let tightUrl: string;
  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup, { env: { TENANTRY_DB_POOL_MAX: '1', TENANTRY_DB_ACQUIRE_TIMEOUT_MS: '10000' } }));
    docs = await makeCollection(keyApi(project), 'db1', 'c1', { attributes: [['string', { key: 'title', size: 64, required: false }]] });
    const runtime = server.runtime;
    tight = createTenantry({ ...runtime, config: { ...runtime.config, reliability: { ...runtime.config.reliability, requestTimeoutMs: DEADLINE_MS } } });
    tightServer = createServer(tight.app);
    await new Promise<void>((resolve) => tightServer.listen(0, '127.0.0.1', resolve));
    cleanup.defer('deadline http server', async () => {
      tightServer.closeAllConnections();
      await new Promise<void>((resolve) => tightServer.close(() => resolve()));
    });
    tightUrl = `http://127.0.0.1:${(tightServer.address() as AddressInfo).port}`;
  });

  /** Holds the pool's only connection until the returned function is called. */
  async function holdPool(): Promise<() => Promise<void>> {
    let release!: () => void;
    const held = rawKnex(server.runtime.database).transaction(() => new Promise<void>((r) => { release = r; }));
    await new Promise((r) => setTimeout(r, 50));
    return async () => { release(); await held; };
  }

  test('a request stuck on the database is answered 503 + Retry-After at the deadline; the late work settles by ID', async () => {
    const call = client(tightUrl);
    const release = await holdPool();
    let res: CallResult;
    const started = Date.now();
    try {
      res = await call('POST', docs, { project: project.id, key: project.key, body: { documentId: 'late1', data: { title: 'late' }, permissions: [] } });
    } finally {
      setTimeout(() => void release(), 300);
    }
    const took = Date.now() - started;
    assert.equal(res.status, 503, res.text);
    assert.equal(res.body.type, 'general_service_unavailable');
    assert.equal(res.body.code, 503);
    assert.ok(res.headers.get('retry-after'), 'Retry-After is set');
    assert.ok(took >= DEADLINE_MS - 50 && took < 5000, `answered after ${took} ms`);

    // The late handler runs to its end once the pool is free; nothing is left running.
    await tight.drain();
    const again = keyApi(project);
    const read = await again('GET', `${docs}/late1`);
    assert.ok([200, 404].includes(read.status), read.text);
    const retry = await again('POST', docs, { documentId: 'late1', data: { title: 'late' }, permissions: [] });
    assert.equal(retry.status, read.status === 200 ? 409 : 201, `read ${read.status}, retry ${retry.status} ${retry.text}`);

    // Both apps keep serving (no crash, no wedged pool).
    assert.equal((await call('GET', `${docs}/late1`, { project: project.id, key: project.key })).status, 200);
    assert.equal((await again('GET', `${docs}/late1`)).status, 200);
  });

  test('requests that finish in time are untouched by the deadline', async () => {
    const call = client(tightUrl);
    const res = await call('POST', docs, { project: project.id, key: project.key, body: { documentId: 'fast1', data: { title: 'fast' }, permissions: [] } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.$id, 'fast1');
    assert.equal(res.body.title, 'fast');
    assert.equal(res.headers.get('retry-after'), null);
    // Nothing was left in flight: the drain settles at once, and the write is there.
    const drainStarted = Date.now();
    await tight.drain();
    assert.ok(Date.now() - drainStarted < DEADLINE_MS, `drain took ${Date.now() - drainStarted} ms with nothing in flight`);
    const read = await keyApi(project)('GET', `${docs}/fast1`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.title, 'fast');
  });
});
