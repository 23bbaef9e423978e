import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { client, cookiesFrom, expectError } from '../support/http.ts';
import { newOwner, newProject, rid, type Owner } from '../support/fixtures.ts';
import { rawKnex } from '../support/raw-db.ts';

describeLegs('console owners, projects and API keys', (leg) => {
  let server: TestServer;
  let owner: Owner;
  let call: ReturnType<typeof client>;
  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    call = client(server.url);
    owner = await newOwner(server);
  });

  test('owner sign-in: wrong password and unknown email get the same generic 401', async () => {
    const wrong = await call('POST', '/account/sessions/email', { project: 'console', body: { email: owner.email, password: 'not the password' } });
    const unknown = await call('POST', '/account/sessions/email', { project: 'console', body: { email: `${rid('x')}@example.com`, password: 'not the password' } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(wrong.body.type, 'user_invalid_credentials');
  });

  test('owner sign-up validates input with Appwrite-style messages', async () => {
    const missing = await call('POST', '/account', { project: 'console', body: { userId: 'unique()', password: 'password123' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.type, 'general_argument_invalid');
    assert.equal(missing.body.message, 'Param "email" is not optional.');
    const short = await call('POST', '/account', { project: 'console', body: { userId: 'unique()', email: 'a@b.co', password: 'short' } });
    assert.equal(short.status, 400);
    assert.match(short.body.message, /password/);
    const dup = await call('POST', '/account', { project: 'console', body: { userId: 'unique()', email: owner.email.toUpperCase(), password: 'password123' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'user_already_exists');
  });

  test('console session: account, sessions list, sign-out refuses the cookie afterwards', async () => {
    const me = await call('GET', '/account', { cookie: owner.cookie });
    assert.equal(me.status, 200);
    assert.equal(me.body.email, owner.email);
    const signIn = await call('POST', '/account/sessions', { project: 'console', body: { email: owner.email, password: owner.password } });
    assert.equal(signIn.status, 201);
    assert.equal(signIn.body.secret, '', 'clients never see the session secret');
    const cookie = cookiesFrom(signIn.headers);
    assert.match(cookie, /a_session_console=/);
    assert.match(cookie, /a_session_console_legacy=/);
    const list = await call('GET', '/account/sessions', { cookie });
    assert.equal(list.status, 200);
    assert.ok(list.body.sessions.some((s: { current: boolean }) => s.current));
    const out = await call('DELETE', '/account/sessions/current', { cookie });
    assert.equal(out.status, 204);
    const after = await call('GET', '/account', { cookie });
    assert.equal(after.status, 401);
    assert.equal(after.body.type, 'general_unauthorized_scope');
  });

  test('projects: create, list, get, update origins, reserved and duplicate IDs', async () => {
    const id = rid('proj');
    const created = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: id, name: 'One' } });
    assert.equal(created.status, 201);
    assert.deepEqual(Object.keys(created.body).sort(), ['$createdAt', '$id', '$updatedAt', 'authDuration', 'name', 'origins', 'realtimeConnections']);
    assert.match(created.body.$createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    const dup = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: id, name: 'Again' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'project_already_exists');
    const reserved = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: 'console', name: 'No' } });
    expectError(reserved, 400, 'project_reserved_project');
    const bad = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: 'Has Spaces', name: 'No' } });
    assert.equal(bad.status, 400);
    const list = await call('GET', '/projects', { cookie: owner.cookie, query: { search: id } });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.projects.map((p: { $id: string }) => p.$id), [id]);
    const updated = await call('PATCH', `/projects/${id}`, { cookie: owner.cookie, body: { name: 'Renamed', origins: ['https://App.example.com/'] } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.name, 'Renamed');
    assert.deepEqual(updated.body.origins, ['https://app.example.com']);
    const badOrigin = await call('PATCH', `/projects/${id}`, { cookie: owner.cookie, body: { origins: ['javascript:alert(1)'] } });
    assert.equal(badOrigin.status, 400);
  });

  test('another owner cannot see or touch my project (404, not 403)', async () => {
    const mine = await newProject(server, owner);
    const other = await newOwner(server);
    const list = await call('GET', '/projects', { cookie: other.cookie });
    assert.ok(!list.body.projects.some((p: { $id: string }) => p.$id === mine.id));
    for (const [method, path] of [['GET', `/projects/${mine.id}`], ['DELETE', `/projects/${mine.id}`], ['GET', `/projects/${mine.id}/keys`]] as const) {
      const res = await call(method, path, { cookie: other.cookie });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body.type, 'project_not_found');
    }
  });

  test('console routes refuse guests, API keys and project requests', async () => {
    const p = await newProject(server, owner);
    const guest = await call('GET', '/projects');
    assert.equal(guest.status, 401);
    assert.equal(guest.body.type, 'general_unauthorized_scope');
    const viaProject = await call('GET', '/projects', { project: p.id, key: p.key });
    assert.equal(viaProject.status, 401);
    assert.equal(viaProject.body.type, 'general_access_forbidden');
  });

  test('keys: secret shown once, stored hashed, list/get/update/revoke', async () => {
    const p = await newProject(server, owner);
    const created = await call('POST', `/projects/${p.id}/keys`, { cookie: owner.cookie, body: { name: 'ci', scopes: ['documents.read', 'documents.write'] } });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^standard_[0-9a-f]{64}$/);
    const got = await call('GET', `/projects/${p.id}/keys/${created.body.$id}`, { cookie: owner.cookie });
    assert.equal(got.body.secret, '');
    const list = await call('GET', `/projects/${p.id}/keys`, { cookie: owner.cookie });
    assert.equal(list.body.total, 2);
    assert.ok(list.body.keys.every((k: { secret: string }) => k.secret === ''));
    const rows = await rawKnex(server.runtime.database)(`${server.runtime.config.namespace}_console_keys`).select('secret_hash');
    assert.ok(rows.every((r: { secret_hash: string }) => !r.secret_hash.includes(created.body.secret.slice(9))), 'the secret itself is never stored');
    const updated = await call('PUT', `/projects/${p.id}/keys/${created.body.$id}`, { cookie: owner.cookie, body: { name: 'renamed', scopes: ['documents.read'] } });
    assert.deepEqual([updated.body.name, updated.body.scopes], ['renamed', ['documents.read']]);
    const badScope = await call('PUT', `/projects/${p.id}/keys/${created.body.$id}`, { cookie: owner.cookie, body: { scopes: ['root.everything'] } });
    assert.equal(badScope.status, 400);
    const health = await call('GET', '/health/db', { project: p.id, key: created.body.secret });
    assert.equal(health.status, 200, 'a valid key works');
    const revoked = await call('DELETE', `/projects/${p.id}/keys/${created.body.$id}`, { cookie: owner.cookie });
    assert.equal(revoked.status, 204);
    const refused = await call('GET', '/health/db', { project: p.id, key: created.body.secret });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.type, 'user_unauthorized');
  });

  test('keys: another project\'s key → 401 user_unauthorized; expired → 401 project_key_expired; unknown project → 404', async () => {
    const a = await newProject(server, owner);
    const b = await newProject(server, owner);
    const cross = await call('GET', '/health/db', { project: b.id, key: a.key });
    assert.equal(cross.status, 401);
    assert.equal(cross.body.type, 'user_unauthorized');
    const past = await call('POST', `/projects/${a.id}/keys`, { cookie: owner.cookie, body: { name: 'old', scopes: ['health.read'], expire: '2020-01-01T00:00:00.000+00:00' } });
    assert.equal(past.status, 201);
    const expired = await call('GET', '/health/db', { project: a.id, key: past.body.secret });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.type, 'project_key_expired');
    const garbage = await call('GET', '/health/db', { project: a.id, key: 'standard_nope' });
    expectError(garbage, 401, 'user_unauthorized');
    const unknown = await call('GET', '/ping', { project: rid('nope') });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.type, 'project_not_found');
    const pong = await call('GET', '/ping', { project: a.id });
    assert.equal(pong.text, 'Pong!');
  });

  test('project deletion removes the project, its keys and its rows', async () => {
    const p = await newProject(server, owner);
    const seq = (await server.services.projects.resolve(p.id))!.sequence;
    const del = await call('DELETE', `/projects/${p.id}`, { cookie: owner.cookie });
    assert.equal(del.status, 204);
    const gone = await call('GET', '/ping', { project: p.id });
    assert.equal(gone.status, 404);
    const keyGone = await call('GET', '/health/db', { project: p.id, key: p.key });
    assert.equal(keyGone.status, 404);
    const ns = server.runtime.config.namespace;
    const keys = await rawKnex(server.runtime.database)(`${ns}_console_keys`).where('project_seq', seq).count({ n: '*' });
    assert.equal(Number(keys[0]!.n), 0);
  });
});
