import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { before, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { client, type Client } from '../support/http.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { newEndUser, signIn } from './helpers.ts';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describeLegs('JWTs', (leg) => {
  let server: TestServer;
  let call: Client;
  let project: Project;
  let other: Project;
  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    call = client(server.url);
    const owner = await newOwner(server);
    project = await newProject(server, owner);
    other = await newProject(server, owner);
  });

  const me = (jwtToken: string, p = project) => call('GET', '/account', { project: p.id, jwt: jwtToken });

  test('mint (both paths), use, refuse with a session too, refuse minting from a JWT', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const minted = await call('POST', '/account/jwts', { project: project.id, session: user.session, body: {} });
    assert.equal(minted.status, 201, minted.text);
    const legacy = await call('POST', '/account/jwt', { project: project.id, session: user.session, body: { duration: 60 } });
    assert.equal(legacy.status, 201, legacy.text);
    for (const token of [minted.body.jwt, legacy.body.jwt]) {
      const res = await me(token);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.$id, user.id);
    }
    const decoded = jwt.decode(minted.body.jwt, { complete: true })!;
    assert.equal(decoded.header.alg, 'HS256');
    const payload = decoded.payload as Record<string, unknown>;
    assert.equal(payload.userId, user.id);
    assert.equal(payload.sessionId, user.sessionId);
    assert.equal(payload.aud, project.id);
    assert.ok(Math.abs((payload.exp as number) - (Date.now() / 1000 + 900)) < 30, 'default duration 900 s');
    const both = await call('GET', '/account', { project: project.id, jwt: minted.body.jwt, session: user.session });
    assert.equal(both.status, 403);
    assert.equal(both.body.type, 'user_jwt_and_cookie_set');
    const fromJwt = await call('POST', '/account/jwts', { project: project.id, jwt: minted.body.jwt });
    assert.equal(fromJwt.status, 403);
    assert.equal(fromJwt.body.type, 'user_jwt_creation_denied');
    const tooLong = await call('POST', '/account/jwts', { project: project.id, session: user.session, body: { duration: 3601 } });
    assert.equal(tooLong.status, 400);
  });

  test('expired, forged (alg none, other project, tampered, no exp) → 401 user_jwt_invalid', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const expired = await call('POST', '/account/jwts', { project: project.id, session: user.session, body: { duration: 0 } });
    assert.equal(expired.status, 201);
    const minted = await call('POST', '/account/jwts', { project: project.id, session: user.session });
    assert.equal(minted.status, 201, minted.text);
    const good = minted.body.jwt as string;
    assert.equal((await me(good)).status, 200, 'the untampered JWT works');
    const [header, body, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const otherUser = await newEndUser(call, other.id, { key: other.key });
    const otherJwt = (await call('POST', '/account/jwts', { project: other.id, session: otherUser.session })).body.jwt as string;
    const forged: Record<string, string> = {
      expired: expired.body.jwt,
      algNone: `${b64url({ alg: 'none', typ: 'JWT' })}.${body}.`,
      tampered: `${header}.${b64url({ ...claims, userId: otherUser.id })}.${signature}`,
      otherProject: otherJwt,
      garbage: 'not.a.jwt',
      hsWithWrongSecret: jwt.sign({ userId: user.id, sessionId: user.sessionId }, 'x'.repeat(64), { algorithm: 'HS256', audience: project.id, expiresIn: 60 }),
    };
    // Signed with the project's real secret but without `exp`, or with an `exp` we never issue: refused.
    const secret = (await server.services.projects.resolve(project.id))!.jwtSecret;
    forged.noExp = jwt.sign({ userId: user.id, sessionId: user.sessionId }, secret, { algorithm: 'HS256', audience: project.id, noTimestamp: true });
    forged.yearLong = jwt.sign({ userId: user.id, sessionId: user.sessionId }, secret, { algorithm: 'HS256', audience: project.id, expiresIn: '365d' });
    forged.wrongAudience = jwt.sign({ userId: user.id, sessionId: user.sessionId }, secret, { algorithm: 'HS256', audience: other.id, expiresIn: 60 });
    forged.hs512 = jwt.sign({ userId: user.id, sessionId: user.sessionId }, secret, { algorithm: 'HS512', audience: project.id, expiresIn: 60 });
    // Control: the same construction with everything right is accepted (so the refusals above mean something).
    assert.equal((await me(jwt.sign({ userId: user.id, sessionId: user.sessionId }, secret, { algorithm: 'HS256', audience: project.id, expiresIn: 60 }))).status, 200);
    // A correctly signed HS256 token with a homemade secret still fails: only the project's secret counts.
    forged.selfSigned = `${header}.${body}.${createHmac('sha256', 'guess').update(`${header}.${body}`).digest('base64url')}`;
    for (const [name, token] of Object.entries(forged)) {
      const res = await me(token);
      assert.equal(res.status, 401, `${name}: ${res.text}`);
      assert.equal(res.body.type, 'user_jwt_invalid', name);
    }
    // The other project's token is valid only there.
    assert.equal((await me(otherJwt, other)).status, 200);
  });

  test('a JWT is refused once its session is gone (sign-out, sign-out everywhere, password change)', async () => {
    const user = await newEndUser(call, project.id, { key: project.key });
    const mint = async (session: string) => {
      const res = await call('POST', '/account/jwts', { project: project.id, session });
      assert.equal(res.status, 201, res.text);
      assert.equal((await me(res.body.jwt)).status, 200, 'a fresh JWT works');
      return res.body.jwt as string;
    };
    const first = await mint(user.session);
    assert.equal((await me(first)).status, 200);
    assert.equal((await call('DELETE', '/account/sessions/current', { project: project.id, session: user.session })).status, 204);
    assert.equal((await me(first)).status, 401);
    const s2 = await signIn(call, project.id, user.email);
    const s3 = await signIn(call, project.id, user.email);
    const second = await mint(s2.session);
    assert.equal((await call('DELETE', '/account/sessions', { project: project.id, session: s3.session })).status, 204);
    assert.equal((await me(second)).status, 401);
    const s4 = await signIn(call, project.id, user.email);
    const s5 = await signIn(call, project.id, user.email);
    const third = await mint(s4.session);
    const changed = await call('PATCH', '/account/password', { project: project.id, session: s5.session, body: { password: 'another good password', oldPassword: user.password } });
    assert.equal(changed.status, 200, changed.text);
    assert.equal((await me(third)).status, 401);
  });
});
