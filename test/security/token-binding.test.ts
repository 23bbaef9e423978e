/**
 * A credential names its user, and only that user. A session token is base64 of
 * `{"id": USER_ID, "secret": SECRET}`: the secret finds the session, and the session's owner must be
 * the ID the token names (the check in SessionService.verify / verifyBatched). A JWT's `userId` must
 * be its session's user. A console session token follows the same rule. Each forged credential is
 * answered exactly like a guest (401), and nothing of the other user leaks.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { newOwner, type Owner, type Project } from '../support/fixtures.ts';
import type { Client } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { newEndUser, type EndUser } from '../account/helpers.ts';

const token = (id: string, secret: string) => Buffer.from(JSON.stringify({ id, secret })).toString('base64');
const secretOf = (sessionToken: string) => (JSON.parse(Buffer.from(sessionToken, 'base64').toString('utf8')) as { secret: string }).secret;

describeLegs('security: a session token or JWT signs in only the user it was issued to', (leg) => {
  const cleanup = useCleanup();
  let server: TestServer;
  let call: Client;
  let owner: Owner;
  let project: Project;
  let attacker: EndUser;
  let victim: EndUser;
  before(async () => {
    ({ server, call, owner, project } = await withProject(leg, cleanup));
    attacker = await newEndUser(call, project.id, { key: project.key });
    victim = await newEndUser(call, project.id, { key: project.key });
  });

  async function assertGuest(auth: { session?: string; jwt?: string; cookie?: string }, projectId = project.id, what = 'forged credential') {
    for (const path of ['/account', '/account/sessions']) {
      const res = await call('GET', path, { project: projectId, ...auth });
      assert.equal(res.status, 401, `${what} on GET ${path}: ${res.text}`);
      assert.match(res.body.type, /^(general_unauthorized_scope|user_jwt_invalid|user_unauthorized)$/, res.text);
      assert.ok(!res.text.includes(victim.id) && !res.text.includes(victim.email), `${what} leaks nothing of the victim`);
    }
  }

  test('end-user session: own secret + another user\'s ID → 401 (header, cookie and fallback cookie)', async () => {
    // The token as issued works (so the forged one below differs only in the ID).
    const own = await call('GET', '/account', { project: project.id, session: token(attacker.id, secretOf(attacker.session)) });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.$id, attacker.id);
    const forged = token(victim.id, secretOf(attacker.session));
    await assertGuest({ session: forged });
    await assertGuest({ cookie: `a_session_${project.id}=${encodeURIComponent(forged)}` });
    const fallback = await call('GET', '/account', { project: project.id, headers: { 'x-fallback-cookies': JSON.stringify({ [`a_session_${project.id}`]: forged }) } });
    assert.equal(fallback.status, 401, fallback.text);
    // Neither session was harmed.
    for (const u of [attacker, victim]) {
      const me = await call('GET', '/account', { project: project.id, session: u.session });
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.$id, u.id);
    }
  });

  test('JWT: a userId that is not its session\'s user → 401 (both directions)', async () => {
    const resolved = await server.services.projects.resolve(project.id);
    assert.ok(resolved, 'project resolves');
    const sign = (claims: { userId: string; sessionId: string }) =>
      jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }, resolved.jwtSecret, { algorithm: 'HS256', audience: project.id, noTimestamp: true });
    // Signed like the server signs: the matching pair is accepted.
    const genuine = await call('GET', '/account', { project: project.id, jwt: sign({ userId: attacker.id, sessionId: attacker.sessionId }) });
    assert.equal(genuine.status, 200, genuine.text);
    assert.equal(genuine.body.$id, attacker.id);
    await assertGuest({ jwt: sign({ userId: victim.id, sessionId: attacker.sessionId }) }, project.id, 'JWT: victim ID + own session');
    await assertGuest({ jwt: sign({ userId: attacker.id, sessionId: victim.sessionId }) }, project.id, 'JWT: own ID + victim session');
  });

  test('console session: own secret + another owner\'s ID → 401', async () => {
    const other = await newOwner(server);
    const ownToken = decodeURIComponent(/(?:^|;\s*)a_session_console=([^;]+)/.exec(owner.cookie)![1]!);
    const own = await call('GET', '/account', { project: 'console', session: ownToken });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.$id, owner.id);
    const forged = token(other.id, secretOf(ownToken));
    for (const path of ['/account', '/projects']) {
      const res = await call('GET', path, { project: 'console', session: forged });
      assert.equal(res.status, 401, `forged console token on GET ${path}: ${res.text}`);
      assert.ok(!res.text.includes(other.id) && !res.text.includes(other.email), 'nothing of the other owner leaks');
    }
    const cookie = await call('GET', '/account', { project: 'console', cookie: `a_session_console=${encodeURIComponent(forged)}` });
    assert.equal(cookie.status, 401, cookie.text);
    // Admin mode on a project (the console's way into a project) refuses it too.
    const admin = await call('GET', '/users', { project: project.id, session: forged, headers: { 'x-appwrite-mode': 'admin', cookie: `a_session_console=${encodeURIComponent(forged)}` } });
    assert.equal(admin.status, 401, admin.text);
  });
});
