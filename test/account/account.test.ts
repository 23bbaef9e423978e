import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { cookiesFrom, type Client, expectError } from '../support/http.ts';
import { newProject, rid, type Project } from '../support/fixtures.ts';
import { newEndUser, PASSWORD, signIn } from './helpers.ts';

describeLegs('end-user accounts and sessions', (leg) => {
  let server: TestServer;
  let call: Client;
  let project: Project;
  const cleanup = useCleanup();
  before(async () => {
    ({ server, call, project } = await withProject(leg, cleanup));
  });

  test('sign-up: lower-cased email, validation, duplicates (byte-exact, accent-sensitive)', async () => {
    const local = rid('mixed');
    const res = await call('POST', '/account', { project: project.id, body: { userId: 'unique()', email: `${local}@Example.COM`, password: PASSWORD, name: 'Ann' } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.email, `${local}@example.com`);
    assert.equal(res.body.name, 'Ann');
    assert.match(res.body.$id, /^[0-9a-f]{20}$/);
    assert.equal(res.body.password, undefined);
    const dup = await call('POST', '/account', { project: project.id, body: { userId: 'unique()', email: `${local.toUpperCase()}@example.com`, password: PASSWORD } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'user_already_exists');
    // An accented twin is a different address, never a takeover of the first.
    const accented = await call('POST', '/account', { project: project.id, body: { userId: 'unique()', email: `${local}é@example.com`, password: PASSWORD } });
    assert.equal(accented.status, 201, accented.text);
    const wrongTwin = await call('POST', '/account/sessions/email', { project: project.id, body: { email: `${local}è@example.com`, password: PASSWORD } });
    assert.equal(wrongTwin.status, 401);
    const short = await call('POST', '/account', { project: project.id, body: { userId: 'unique()', email: `${rid()}@example.com`, password: 'short' } });
    assert.equal(short.status, 400);
    assert.equal(short.body.type, 'general_argument_invalid');
    const custom = await call('POST', '/account', { project: project.id, body: { userId: rid('custom'), email: `${rid()}@example.com`, password: PASSWORD } });
    assert.equal(custom.status, 201);
    assert.match(custom.body.$id, /^custom/);
  });

  test('enumeration: unknown email and wrong password get the same 401 body', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const wrong = await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: 'not the password' } });
    const unknown = await call('POST', '/account/sessions/email', { project: project.id, body: { email: `${rid('nobody')}@example.com`, password: 'not the password' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(wrong.body.type, 'user_invalid_credentials');
  });

  test('session: cookies, X-Fallback-Cookies, get account, list sessions; secret only for API keys', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const res = await call('POST', '/account/sessions', { project: project.id, body: { email: user.email.toUpperCase(), password: PASSWORD } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.secret, '');
    assert.equal(res.body.userId, user.id);
    assert.equal(res.body.current, true);
    const cookie = cookiesFrom(res.headers);
    assert.match(cookie, new RegExp(`a_session_${project.id}=`));
    assert.match(cookie, new RegExp(`a_session_${project.id}_legacy=`));
    for (const auth of [{ cookie }, { session: user.session }, { headers: { 'x-fallback-cookies': JSON.stringify({ [`a_session_${project.id}`]: user.session }) } }]) {
      const me = await call('GET', '/account', { project: project.id, ...auth });
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.$id, user.id);
    }
    const list = await call('GET', '/account/sessions', { project: project.id, cookie });
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.equal(list.body.sessions.filter((s: { current: boolean }) => s.current).length, 1);
    assert.ok(list.body.sessions.every((s: { secret: string }) => s.secret === ''));
    // Server-side rendering: an API key signs a user in and receives the token as `secret`.
    const ssr = await call('POST', '/account/sessions/email', { project: project.id, key: project.key, body: { email: user.email, password: PASSWORD } });
    assert.equal(ssr.status, 201, ssr.text);
    assert.ok(ssr.body.secret);
    const viaSecret = await call('GET', '/account', { project: project.id, session: ssr.body.secret });
    assert.equal(viaSecret.body.$id, user.id);
    // A session of this project means nothing in another project.
    const other = await newProject(server, project.owner);
    const foreign = await call('GET', '/account', { project: other.id, session: user.session });
    assert.equal(foreign.status, 401);
  });

  test('anonymous session, name, prefs', async () => {
    const anon = await call('POST', '/account/sessions/anonymous', { project: project.id });
    assert.equal(anon.status, 201, anon.text);
    const token = JSON.parse(anon.headers.get('x-fallback-cookies')!)[`a_session_${project.id}`];
    expectError(await call('POST', '/account/sessions/anonymous', { project: project.id, session: token }), 401, 'user_session_already_exists');
    const named = await call('PATCH', '/account/name', { project: project.id, session: token, body: { name: 'Anon' } });
    assert.equal(named.status, 200);
    assert.equal(named.body.name, 'Anon');
    const prefs = await call('PATCH', '/account/prefs', { project: project.id, session: token, body: { prefs: { theme: 'dark', n: 1 } } });
    assert.equal(prefs.status, 200);
    assert.deepEqual(prefs.body.prefs, { theme: 'dark', n: 1 });
    assert.deepEqual((await call('GET', '/account/prefs', { project: project.id, session: token })).body, { theme: 'dark', n: 1 });
    const guest = await call('GET', '/account', { project: project.id });
    assert.equal(guest.status, 401);
    assert.equal(guest.body.type, 'general_unauthorized_scope');
  });

  test('revocation: one session, current, all sessions', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const second = await signIn(call, project.id, user.email);
    const third = await signIn(call, project.id, user.email);
    const del = await call('DELETE', `/account/sessions/${second.sessionId}`, { project: project.id, session: user.session });
    assert.equal(del.status, 204);
    assert.equal((await call('GET', '/account', { project: project.id, session: second.session })).status, 401);
    assert.equal((await call('GET', '/account', { project: project.id, session: third.session })).status, 200);
    const missing = await call('DELETE', `/account/sessions/${second.sessionId}`, { project: project.id, session: user.session });
    expectError(missing, 404, 'user_session_not_found');
    assert.equal((await call('DELETE', '/account/sessions/current', { project: project.id, session: third.session })).status, 204);
    assert.equal((await call('GET', '/account', { project: project.id, session: third.session })).status, 401);
    const fourth = await signIn(call, project.id, user.email);
    assert.equal((await call('DELETE', '/account/sessions', { project: project.id, session: user.session })).status, 204);
    for (const s of [user.session, fourth.session]) assert.equal((await call('GET', '/account', { project: project.id, session: s })).status, 401);
  });

  test('password change kills the other sessions and needs the old password', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const other = await signIn(call, project.id, user.email);
    const wrongOld = await call('PATCH', '/account/password', { project: project.id, session: user.session, body: { password: 'a brand new password', oldPassword: 'nope nope nope' } });
    assert.equal(wrongOld.status, 401);
    assert.equal((await call('GET', '/account', { project: project.id, session: other.session })).status, 200);
    const changed = await call('PATCH', '/account/password', { project: project.id, session: user.session, body: { password: 'a brand new password', oldPassword: PASSWORD } });
    assert.equal(changed.status, 200, changed.text);
    assert.equal((await call('GET', '/account', { project: project.id, session: other.session })).status, 401);
    assert.equal((await call('GET', '/account', { project: project.id, session: user.session })).status, 200);
    assert.equal((await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: PASSWORD } })).status, 401);
    await signIn(call, project.id, user.email, 'a brand new password');
  });

  test('blocking a user kills their sessions; sign-in answers 403 user_blocked; unblock restores sign-in', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const jwt = await call('POST', '/account/jwts', { project: project.id, session: user.session });
    assert.equal(jwt.status, 201, jwt.text);
    const before = await call('GET', '/account', { project: project.id, jwt: jwt.body.jwt });
    assert.equal(before.status, 200, before.text);
    assert.equal(before.body.$id, user.id, 'the JWT works until the block');
    const blocked = await call('PATCH', `/users/${user.id}/status`, { project: project.id, key: project.key, body: { status: false } });
    assert.equal(blocked.status, 200);
    assert.equal(blocked.body.status, false);
    assert.equal((await call('GET', '/account', { project: project.id, session: user.session })).status, 401);
    const blockedJwt = await call('GET', '/account', { project: project.id, jwt: jwt.body.jwt });
    assert.equal(blockedJwt.status, 401, blockedJwt.text);
    const again = await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: PASSWORD } });
    assert.equal(again.status, 403);
    assert.equal(again.body.type, 'user_blocked');
    // The wrong password still answers the generic 401: blocking reveals nothing without the password.
    assert.equal((await call('POST', '/account/sessions/email', { project: project.id, body: { email: user.email, password: 'wrong password!' } })).status, 401);
    const unblocked = await call('PATCH', `/users/${user.id}/status`, { project: project.id, key: project.key, body: { status: true } });
    assert.equal(unblocked.status, 200, unblocked.text);
    assert.equal(unblocked.body.status, true);
    await signIn(call, project.id, user.email);
  });

  test('a session issued just before the block is refused too (server-created session)', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const ssr = await call('POST', `/users/${user.id}/sessions`, { project: project.id, key: project.key });
    assert.equal(ssr.status, 201, ssr.text);
    assert.equal((await call('GET', '/account', { project: project.id, session: ssr.body.secret })).status, 200);
    const listed = await call('GET', `/users/${user.id}/sessions`, { project: project.id, key: project.key });
    assert.equal(listed.body.total, 2);
    assert.equal((await call('DELETE', `/users/${user.id}/sessions/${ssr.body.$id}`, { project: project.id, key: project.key })).status, 204);
    assert.equal((await call('GET', '/account', { project: project.id, session: ssr.body.secret })).status, 401);
    assert.equal((await call('DELETE', `/users/${user.id}/sessions`, { project: project.id, key: project.key })).status, 204);
    assert.equal((await call('GET', '/account', { project: project.id, session: user.session })).status, 401);
  });
});
