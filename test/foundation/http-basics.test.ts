import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { client, expectStatus } from '../support/http.ts';
import { newOwner, newProject, type Owner } from '../support/fixtures.ts';

describeLegs('HTTP basics: errors, CORS, parsing', (leg) => {
  let server: TestServer;
  let owner: Owner;
  let call: ReturnType<typeof client>;
  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    call = client(server.url);
    owner = await newOwner(server);
  });

  test('unknown route → 404 general_route_not_found with the Appwrite error shape', async () => {
    for (const path of ['/nope', '/databases/x/y/z/w/v']) {
      const res = await call('GET', path);
      assert.equal(res.status, 404);
      assert.deepEqual(Object.keys(res.body).sort(), ['code', 'message', 'type', 'version']);
      assert.equal(res.body.type, 'general_route_not_found');
      assert.equal(res.body.code, 404);
    }
    const outside = await fetch(`${server.url}/elsewhere`);
    assert.equal(outside.status, 404);
    assert.equal(outside.headers.get('x-powered-by'), null);
  });

  test('health is public; db and cache health need a key or an owner', async () => {
    assert.equal((await call('GET', '/health')).body.status, 'pass');
    assert.equal((await call('GET', '/health/db')).status, 401);
    const db = await call('GET', '/health/db', { cookie: owner.cookie });
    assert.equal(db.status, 200);
    assert.equal(db.body.statuses[0].name, leg.name === 'sqlite' ? 'sqlite' : 'mariadb');
    const cache = await call('GET', '/health/cache', { cookie: owner.cookie });
    assert.equal(cache.body.statuses[0].name, leg.name === 'sqlite' ? 'memory' : 'redis');
  });

  test('malformed JSON, prototype keys and oversized bodies get clear 4xx errors', async () => {
    const bad = await fetch(`${server.url}/v1/projects`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: owner.cookie }, body: '{"projectId":' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { type: string }).type, 'general_argument_invalid');
    const proto = await fetch(`${server.url}/v1/projects`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: owner.cookie }, body: '{"projectId":"x1","name":"n","nested":{"__proto__":{"admin":true}}}' });
    assert.equal(proto.status, 400);
    assert.match(((await proto.json()) as { message: string }).message, /__proto__/);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
    const big = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: 'big', name: 'x'.repeat(1_100_000) } });
    assert.equal(big.status, 413);
    assert.equal(big.body.type, 'general_payload_too_large');
    const deep = await call('POST', '/projects', { cookie: owner.cookie, body: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) });
    assert.equal(deep.status, 400);
  });

  test('queries[0..99] arrive as an array (qs arrayLimit) and bad queries are 400 general_query_invalid', async () => {
    const many = Array.from({ length: 30 }, () => JSON.stringify({ method: 'limit', values: [5] }));
    const ok = await call('GET', '/projects', { cookie: owner.cookie, query: { queries: many } });
    assert.equal(ok.status, 200, ok.text);
    const bad = await call('GET', '/projects', { cookie: owner.cookie, query: { queries: ['{"method":"equal","attribute":"name","values":["x"]}'] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.type, 'general_query_invalid');
  });

  test('shared parameters from components and path items are validated too', async () => {
    const tooMany = Array.from({ length: 101 }, () => JSON.stringify({ method: 'limit', values: [5] }));
    const res = await call('GET', '/projects', { cookie: owner.cookie, query: { queries: tooMany } });
    assert.equal(res.status, 400);
    assert.equal(res.body.type, 'general_argument_invalid');
    assert.match(res.body.message, /queries/);
    const longId = await call('GET', `/projects/${'x'.repeat(37)}`, { cookie: owner.cookie });
    assert.equal(longId.status, 400);
    assert.match(longId.body.message, /projectId/);
  });

  test('a header and a ?project= naming different projects are refused, never one picked', async () => {
    const a = await newProject(server, owner);
    const b = await newProject(server, owner);
    const conflict = await call('GET', '/health/db', { project: a.id, key: a.key, query: { project: b.id } });
    assert.equal(conflict.status, 400);
    assert.equal(conflict.body.type, 'general_argument_invalid');
    const agree = await call('GET', '/health/db', { project: a.id, key: a.key, query: { project: a.id } });
    assert.equal(agree.status, 200);
    const queryOnly = await call('GET', '/health/db', { key: a.key, query: { project: a.id } });
    assert.equal(queryOnly.status, 200);
  });

  test('DELETE carries a JSON body like the SDKs send it', async () => {
    const p = await newProject(server, owner);
    const res = await call('DELETE', `/projects/${p.id}`, { cookie: owner.cookie, body: {} });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
  });

  test('CORS: only a listed origin is echoed, with credentials and Vary; never *', async () => {
    const p = await newProject(server, owner);
    expectStatus(await call('PATCH', `/projects/${p.id}`, { cookie: owner.cookie, body: { origins: ['https://app.example.com'] } }), 200);
    const allowed = await call('GET', '/ping', { project: p.id, headers: { origin: 'https://app.example.com' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const evil = await call('GET', '/ping', { project: p.id, headers: { origin: 'https://evil.example.com' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const lookalike = await call('GET', '/ping', { project: p.id, headers: { origin: 'https://app.example.com.evil.io' } });
    assert.equal(lookalike.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.url}/v1/ping`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-appwrite-project' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Appwrite-Project/);
    const evilPreflight = await fetch(`${server.url}/v1/ping`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } });
    assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null);
  });

  test('every response carries a request ID; errors are never cached', async () => {
    const res = await call('GET', '/ping', { project: 'nope-project' });
    assert.match(res.headers.get('x-request-id') ?? '', /.+/);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
  });
});
