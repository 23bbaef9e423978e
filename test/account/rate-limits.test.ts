import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { client, type CallResult, type Client } from '../support/http.ts';
import { newOwner, newProject, rid, type Owner, type Project } from '../support/fixtures.ts';
import { newEndUser, PASSWORD } from './helpers.ts';
import { keyApi, makeCollection } from '../documents/support.ts';

function limitHeaders(res: CallResult) {
  return {
    limit: Number(res.headers.get('x-ratelimit-limit')),
    remaining: Number(res.headers.get('x-ratelimit-remaining')),
    reset: Number(res.headers.get('x-ratelimit-reset')),
  };
}

describeLegs('rate limits', (leg) => {
  let server: TestServer;
  let call: Client;
  let owner: Owner;
  const cleanup = useCleanup();
  before(async () => {
    ({ server, call } = await useServer(leg, cleanup));
    owner = await newOwner(server);
  });

  const setLimits = async (p: Project, limits: Record<string, { limit: number; windowSeconds: number }>) => {
    const res = await call('PUT', `/projects/${p.id}/limits`, { cookie: owner.cookie, body: { limits } });
    assert.equal(res.status, 200, res.text);
    return res;
  };
  const signUp = (p: Project, headers: Record<string, string> = {}) =>
    call('POST', '/account', { project: p.id, headers, body: { userId: 'unique()', email: `${rid()}@example.com`, password: PASSWORD } });

  test('defaults come with X-RateLimit headers; the limits API shows and overrides them', async () => {
    const p = await newProject(server, owner);
    const res = await signUp(p);
    assert.equal(res.status, 201);
    const h = limitHeaders(res);
    assert.deepEqual([h.limit, h.remaining], [10, 9]);
    assert.ok(h.reset > Date.now() / 1000 && h.reset <= Date.now() / 1000 + 3600 + 1);
    const shown = await call('GET', `/projects/${p.id}/limits`, { cookie: owner.cookie });
    assert.equal(shown.status, 200);
    const byName = Object.fromEntries(shown.body.limits.map((l: { name: string }) => [l.name, l]));
    assert.equal(byName['documents.write'].limit, 120);
    assert.equal(byName['account.sessions.email'].limit, 10);
    assert.equal(byName.key.limit, 6000);
    const unknown = await call('PUT', `/projects/${p.id}/limits`, { cookie: owner.cookie, body: { limits: { nope: { limit: 1, windowSeconds: 1 } } } });
    assert.equal(unknown.status, 400);
    const stranger = await newOwner(server);
    assert.equal((await call('GET', `/projects/${p.id}/limits`, { cookie: stranger.cookie })).status, 404);
    const updated = await setLimits(p, { 'account.create': { limit: 2, windowSeconds: 3600 } });
    assert.equal(updated.body.limits.find((l: { name: string }) => l.name === 'account.create').overridden, true);
  });

  test('429 at the limit, and a spoofed X-Forwarded-For does not reset it', async () => {
    const p = await newProject(server, owner);
    await setLimits(p, { 'account.create': { limit: 3, windowSeconds: 3600 } });
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await signUp(p, { 'x-forwarded-for': `10.0.0.${i + 1}` });
      assert.equal(res.status, 201, res.text);
      remaining.push(limitHeaders(res).remaining);
    }
    assert.deepEqual(remaining, [2, 1, 0]);
    for (const xff of ['10.9.9.9', '203.0.113.7, 10.0.0.1', '::1']) {
      const limited = await signUp(p, { 'x-forwarded-for': xff, 'x-real-ip': xff });
      assert.equal(limited.status, 429, limited.text);
      assert.equal(limited.body.type, 'general_rate_limit_exceeded');
      assert.equal(limited.body.message, 'Rate limit for the current endpoint has been exceeded. Please try again after some time.');
      assert.equal(limitHeaders(limited).remaining, 0);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    }
    // Counters are per project: another project's sign-up is untouched.
    assert.equal((await signUp(await newProject(server, owner))).status, 201);
  });

  test('sign-in is limited per email before the password is checked; success resets the counter', async () => {
    const p = await newProject(server, owner);
    await setLimits(p, { 'account.sessions.email': { limit: 2, windowSeconds: 3600 } });
    const user = await newEndUser(call, p.id, { key: p.key });
    const attempt = (password: string, path = '/account/sessions/email', email = user.email) => call('POST', path, { project: p.id, body: { email, password } });
    assert.equal((await attempt('wrong password 1')).status, 401);
    assert.equal((await attempt(PASSWORD)).status, 201, 'success resets the counter');
    assert.equal((await attempt('wrong password 2')).status, 401);
    assert.equal((await attempt('wrong password 3', '/account/sessions')).status, 401, 'the alias shares the counter');
    const limited = await attempt(PASSWORD);
    assert.equal(limited.status, 429, 'even the right password is refused once the email is limited');
    // Case and spaces don't make a new bucket; another email has its own.
    assert.equal((await attempt('x', '/account/sessions/email', ` ${user.email.toUpperCase()} `)).status, 429);
    assert.equal((await attempt('wrong password', '/account/sessions/email', `${rid()}@example.com`)).status, 401);
  });

  test('API keys have their own budget on every route', async () => {
    const p = await newProject(server, owner);
    await setLimits(p, { key: { limit: 3, windowSeconds: 3600 } });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('GET', '/users', { project: p.id, key: p.key });
      assert.equal(res.status, 200, res.text);
      seen.push(limitHeaders(res).remaining);
    }
    assert.deepEqual(seen, [2, 1, 0]);
    const limited = await call('GET', '/teams', { project: p.id, key: p.key });
    assert.equal(limited.status, 429);
    // Clients of the same project are not affected by the key's budget.
    assert.equal((await signUp(p)).status, 201);
    // Switching a preset off (limit 0) lifts it.
    await setLimits(p, { key: { limit: 0, windowSeconds: 3600 } });
    const free = await call('GET', '/users', { project: p.id, key: p.key });
    assert.equal(free.status, 200);
    assert.equal(free.headers.get('x-ratelimit-limit'), null);
  });

  test('document writes and deletes by clients are limited per (IP, user); keys are not limited by them', async () => {
    const p = await newProject(server, owner);
    const docs = await makeCollection(keyApi(p), 'db', 'c', { permissions: ['create("users")'], attributes: [['string', { key: 'v', size: 8, required: false }]] });
    await setLimits(p, { 'documents.write': { limit: 2, windowSeconds: 3600 }, 'documents.delete': { limit: 1, windowSeconds: 3600 } });
    const [a, b] = [await newEndUser(call, p.id, { key: p.key }), await newEndUser(call, p.id, { key: p.key })];
    const create = (session: string | undefined, headers: Record<string, string> = {}) =>
      call('POST', docs, { project: p.id, session, key: session ? undefined : p.key, headers, body: { documentId: 'unique()', data: { v: 'x' } } });
    const first = await create(a.session);
    assert.equal(first.status, 201, first.text);
    assert.equal(limitHeaders(first).limit, 2);
    assert.equal((await create(a.session)).status, 201);
    assert.equal((await create(a.session, { 'x-forwarded-for': '192.0.2.55' })).status, 429);
    assert.equal((await create(b.session)).status, 201, 'another user has their own budget');
    assert.equal((await create(undefined)).status, 201, 'API keys use their own budget');
    const del = (id: string) => call('DELETE', `${docs}/${id}`, { project: p.id, session: b.session });
    const mine = await create(b.session);
    assert.equal((await del(first.body.$id)).status, 401, 'not theirs, but it still counts');
    assert.equal((await del(mine.body.$id)).status, 429);
  });

  test('JWT minting: 120 per minute per user by default', async () => {
    const p = await newProject(server, owner);
    await setLimits(p, { 'account.jwt': { limit: 1, windowSeconds: 3600 } });
    const user = await newEndUser(call, p.id, { key: p.key });
    const first = await call('POST', '/account/jwts', { project: p.id, session: user.session });
    assert.equal(first.status, 201);
    assert.equal((await call('POST', '/account/jwt', { project: p.id, session: user.session })).status, 429);
    const other = await newEndUser(call, p.id, { key: p.key });
    assert.equal((await call('POST', '/account/jwts', { project: p.id, session: other.session })).status, 201);
  });
});

describeLegs('rate limits behind a trusted proxy', (leg) => {
  let server: TestServer;
  const cleanup = useCleanup();
  before(async () => { ({ server } = await useServer(leg, cleanup, { env: { TENANTRY_TRUST_PROXY: 'loopback' } })); });

  test('with TENANTRY_TRUST_PROXY the forwarded client address is the key', async () => {
    const call = client(server.url);
    const owner = await newOwner(server);
    const p = await newProject(server, owner);
    assert.equal((await call('PUT', `/projects/${p.id}/limits`, { cookie: owner.cookie, body: { limits: { 'account.create': { limit: 1, windowSeconds: 3600 } } } })).status, 200);
    const signUp = (ip: string) => call('POST', '/account', { project: p.id, headers: { 'x-forwarded-for': ip }, body: { userId: 'unique()', email: `${rid()}@example.com`, password: PASSWORD } });
    assert.equal((await signUp('198.51.100.1')).status, 201);
    assert.equal((await signUp('198.51.100.1')).status, 429);
    assert.equal((await signUp('198.51.100.2')).status, 201);
    // IPv6 clients are keyed by their /56: rotating inside it doesn't help.
    assert.equal((await signUp('2001:db8:aa:bb01::1')).status, 201);
    assert.equal((await signUp('2001:db8:aa:bbff::2')).status, 429);
  });
});
