/**
 * Redis failing mid-run. The test starts its OWN redis-server on a spare port (never the shared one),
 * points a Tenantry server at it, stops it and checks the documented behaviour — sessions fail
 * closed with 503, API keys keep working, rate limits keep counting in-process — then restarts it
 * (empty: no persistence) and checks recovery: old sessions are gone (allow-list), new ones work.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import type { Client } from '../support/http.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, rid, type Project } from '../support/fixtures.ts';
import { newEndUser, PASSWORD, type EndUser } from './helpers.ts';

async function sparePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('Ready to accept connections')) { clearTimeout(timer); resolve(); } });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}`)); });
  });
  child.stdout!.resume();
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

describeLegs('Redis outage and recovery', (leg) => {
  let server: TestServer;
  let redis: ChildProcess;
  let port: number;
  let call: Client;
  let project: Project;
  let user: EndUser;
  const cleanup = useCleanup();
  before(async () => {
    port = await sparePort();
    redis = await startRedis(port);
    // Registered first, so it runs last: after the server's close, even when that throws.
    cleanup.defer('own redis-server', () => stopRedis(redis));
    ({ server, call } = await useServer(leg, cleanup, { env: { REDIS_URL: `redis://127.0.0.1:${port}/0` } }));
    const owner = await newOwner(server);
    project = await newProject(server, owner);
    const limits = { 'account.create': { limit: 2, windowSeconds: 3600 } };
    assert.equal((await call('PUT', `/projects/${project.id}/limits`, { cookie: owner.cookie, body: { limits } })).status, 200);
    user = await newEndUser(call, project.id, { key: project.key });
    assert.equal(server.runtime.store.kind, 'redis');
    assert.equal(server.runtime.config.redisUrl, `redis://127.0.0.1:${port}/0`, 'the server uses the Redis this test started');
  });

  const signUp = () => call('POST', '/account', { project: project.id, body: { userId: 'unique()', email: `${rid()}@example.com`, password: PASSWORD } });

  test('while Redis is down: sessions 503, API keys work, limits count in-process', async () => {
    assert.equal((await call('GET', '/account', { project: project.id, session: user.session })).status, 200);
    await stopRedis(redis);

    const withSession = await call('GET', '/account', { project: project.id, session: user.session });
    assert.equal(withSession.status, 503, withSession.text);
    assert.equal(withSession.body.type, 'general_service_unavailable');
    assert.ok(withSession.headers.get('retry-after'));
    const signIn = await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: PASSWORD } });
    assert.equal(signIn.status, 503, 'no session can be created without the store');

    const viaKey = await call('GET', `/users/${user.id}`, { project: project.id, key: project.key });
    assert.equal(viaKey.status, 200, viaKey.text);
    assert.equal(viaKey.headers.get('x-ratelimit-limit'), '6000', 'the key budget is still counted (in-process)');

    assert.equal((await signUp()).status, 201);
    assert.equal((await signUp()).status, 201);
    const limited = await signUp();
    assert.equal(limited.status, 429, 'the in-process fallback still enforces the limit');
  });

  test('after Redis restarts (empty): old sessions are gone, new sign-ins work, limits are back in Redis', async () => {
    redis = await startRedis(port);
    let healthy = false;
    for (let i = 0; i < 50 && !healthy; i++) {
      healthy = (await call('GET', '/health/cache', { project: project.id, key: project.key })).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(healthy, 'the store reconnected within 10 s');
    const old = await call('GET', '/account', { project: project.id, session: user.session });
    assert.equal(old.status, 401, 'sessions are an allow-list: lost data signs users out, never in');
    const again = await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: PASSWORD } });
    assert.equal(again.status, 201, again.text);
    const token = JSON.parse(again.headers.get('x-fallback-cookies')!)[`a_session_${project.id}`];
    assert.equal((await call('GET', '/account', { project: project.id, session: token })).status, 200);
    // Redis is empty again, so the sign-up window restarts there (documented: a restart without persistence resets counters).
    const res = await signUp();
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-ratelimit-remaining'), '1');
  });
});
